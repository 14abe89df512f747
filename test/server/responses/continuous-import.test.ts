import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loadAggregates } from '../../../server/db/aggregates'
import { responses } from '../../../server/db/schema'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { rebuildWaveAggregates } from '../../../server/responses/rebuild-aggregates'
import { exportResponses } from '../../../server/responses/export-responses'
import { importResponses } from '../../../server/responses/responses-import'
import Papa from 'papaparse'
import { csvTextBatches } from '../../../server/lib/csv-text-rows'
import { waveReport } from '../../../server/results/wave-report'
import { makeTestApp } from '../../helpers/app'

async function* rowsOf(lines: string[][]) {
  yield lines
}

const sorted = (cells: { group: string; block: number }[]) =>
  [...cells].sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : a.block - b.block))

describe('importResponses() into a continuous wave: each row is reported in its own period', () => {
  test('months from each row’s submitted_at (UTC), the file’s own period column overruled, aggregates equal to a rebuild', async () => {
    const { store } = await makeTestApp()
    const { wave } = await createWave(store.db, {
      surveyId: 'customer',
      name: 'Always on',
      reportingPeriod: 'month',
    })
    const loaded = (await loadWaveSurvey(store.db, wave.id))!
    const result = await importResponses(
      store,
      loaded,
      rowsOf([
        ['respondent', 'submitted_at', 'overall', 'rebuy', 'period'],
        ['p1', '2026-04-30T23:59:59Z', '4', '5', ''],
        // Just past midnight UTC: May, whatever a local clock says.
        ['p2', '2026-05-01T00:00:00Z', '2', '3', ''],
        // A stale or hand-typed period column does not decide: the submission time does.
        ['p3', '2026-05-20T10:00:00Z', '5', '5', '2026-01'],
      ]),
      { importKey: 'k1', mode: 'postal' },
    )
    expect(result).toMatchObject({ rows: 3 })

    const stored = await store.db
      .select({ key: responses.submissionKey, segments: responses.segments })
      .from(responses)
      .where(eq(responses.waveId, wave.id))
    expect(
      Object.fromEntries(stored.map((r) => [r.key.split(':').at(-1), r.segments.period])),
    ).toEqual({ p1: '2026-04', p2: '2026-05', p3: '2026-05' })

    const report = await waveReport(store, [loaded], { by: ['period'], csi: 'overall' })
    expect(report.groups.map((g) => [g.segment?.value ?? null, 'n' in g ? g.n : g.reason])).toEqual(
      [
        [null, 3],
        ['2026-04', 1],
        ['2026-05', 2],
      ],
    )

    // The import's cells are what both rebuilds lay out from the stored responses.
    const imported = sorted(await loadAggregates(store.db, wave.id))
    for (const fromAnswers of [false, true]) {
      await rebuildWaveAggregates(store, wave.id, { fromAnswers })
      expect(sorted(await loadAggregates(store.db, wave.id))).toEqual(imported)
    }
  })

  test('a pooled wave’s import carries no period', async () => {
    const { store } = await makeTestApp()
    const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Pooled' })
    const loaded = (await loadWaveSurvey(store.db, wave.id))!
    await importResponses(
      store,
      loaded,
      rowsOf([
        ['respondent', 'submitted_at', 'overall', 'rebuy'],
        ['p1', '2026-04-30T23:59:59Z', '4', '5'],
      ]),
      { importKey: 'k1', mode: 'postal' },
    )
    const [row] = await store.db
      .select({ segments: responses.segments })
      .from(responses)
      .where(eq(responses.waveId, wave.id))
    expect(row!.segments).not.toHaveProperty('period')
  })

  test('the export of a continuous wave has a period column; imported into a quarterly wave, the quarter comes from submitted_at', async () => {
    const { store } = await makeTestApp()
    const monthly = await createWave(store.db, {
      surveyId: 'customer',
      name: 'Monthly',
      reportingPeriod: 'month',
    })
    const pooled = await createWave(store.db, { surveyId: 'customer', name: 'Pooled' })
    for (const wave of [monthly.wave, pooled.wave])
      await importResponses(
        store,
        (await loadWaveSurvey(store.db, wave.id))!,
        rowsOf([
          ['respondent', 'submitted_at', 'overall', 'rebuy'],
          ['p1', '2026-03-31T23:00:00Z', '4', '5'],
          ['p2', '2026-04-02T08:00:00Z', '2', '3'],
        ]),
        { importKey: 'k1', mode: 'postal' },
      )
    const exported = async (waveId: string) => {
      let text = ''
      await exportResponses(store.db, waveId, (chunk) => (text += chunk))
      const [header, ...rows] = Papa.parse<string[]>(text.trim()).data
      return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]])))
    }
    const rows = await exported(monthly.wave.id)
    expect(rows.map((r) => [r.submitted_at, r.period])).toEqual([
      ['2026-03-31T23:00:00.000Z', '2026-03'],
      ['2026-04-02T08:00:00.000Z', '2026-04'],
    ])
    expect((await exported(pooled.wave.id)).every((r) => !('period' in r))).toBe(true)

    const quarterly = await createWave(store.db, {
      surveyId: 'customer',
      name: 'Quarterly',
      reportingPeriod: 'quarter',
    })
    let text = ''
    await exportResponses(store.db, monthly.wave.id, (chunk) => (text += chunk))
    await importResponses(
      store,
      (await loadWaveSurvey(store.db, quarterly.wave.id))!,
      csvTextBatches(text),
      { importKey: 'k2' },
    )
    expect((await exported(quarterly.wave.id)).map((r) => r.period)).toEqual(['2026-Q1', '2026-Q2'])
  })
})
