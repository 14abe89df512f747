import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { GroupReport, Report, ReportOptions } from '../../../reports'
import type { Store } from '../../../server/db/client'
import { responses } from '../../../server/db/schema'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { csvFileBatches, fileHash } from '../../../server/node/csv-rows'
import { exportResponses } from '../../../server/responses/export-responses'
import { importResponses } from '../../../server/responses/responses-import'
import { surveyColumns } from '../../../server/responses/responses-csv'
import { submitResponse } from '../../../server/responses/submit-response'
import {
  fileReport,
  parseReportOptions,
  readResponsesCsv,
} from '../../../server/results/file-report/index'
import { loadReportWaves, waveReport } from '../../../server/results/wave-report'
import { shippedSurveys, surveyRoles, type Audience } from '../../../server/surveys'
import { questionsOf } from '../../../server/surveys/compile-survey'
import { isShown } from '../../../server/surveys/conditions'
import { itemValues } from '../../../server/surveys/json-walk'
import type { SurveyDefinition } from '../../../server/surveys/types'
import { makeTestApp } from '../../helpers/app'

/** Deterministic numbers in [0, 1) (xorshift32), so every run builds the same waves. */
function seeded(seed: number) {
  let x = seed
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}

// Comments that a CSV writer or a spreadsheet could get wrong.
const verbatims = [
  'Late twice, "again"; no call',
  '=1+1 is not a formula',
  'line one\nline two',
  '  padded  ',
  'Über gut, danke',
]

/** A valid response with some answers missing: ratings, matrix rows, segments and comments. */
function answersFor(definition: SurveyDefinition, next: () => number) {
  const scale = () => 1 + Math.floor(next() * 5)
  const data: Record<string, unknown> = {}
  for (const q of questionsOf(definition)) {
    if (!q.containers.every((c) => isShown(c, data)) || !isShown(q.json, data)) continue
    const skip = next() < 0.2
    if (q.type === 'rating') {
      if (!skip || q.json.isRequired) data[q.dataKey] = scale()
    } else if (q.type === 'matrix') {
      const rows = itemValues(q.json.rows).filter(() => next() >= 0.15)
      if (rows.length) data[q.dataKey] = Object.fromEntries(rows.map((r) => [r.value, scale()]))
    } else if ((q.type === 'dropdown' || q.type === 'radiogroup') && !skip) {
      const choices = itemValues(q.json.choices)
      data[q.dataKey] = choices[Math.floor(next() * choices.length)]!.value
    } else if (q.type === 'comment' && next() < 0.4) {
      data[q.dataKey] = verbatims[Math.floor(next() * verbatims.length)]
    }
  }
  return data
}

async function waveWithResponses(store: Store, audience: Audience, count: number) {
  const { wave } = await createWave(store.db, { surveyId: audience, name: `${audience} web` })
  const loaded = (await loadWaveSurvey(store.db, wave.id))!
  const next = seeded(audience.length * 7919 + 17)
  for (let i = 0; i < count; i++) {
    const data = answersFor(loaded.survey.definition, next)
    const link = { state: 'open' as const, ...loaded, invitation: null }
    await submitResponse(store, link, { data, mode: 'web', now: new Date(), host: 'localhost' })
  }
  return loaded
}

/** A wave report's statistics: everything but the waves' ids, names and follow-ups. */
async function statistics(store: Store, waveId: string, options: ReportOptions) {
  const waves = await loadReportWaves(store.db, [waveId])
  const { waves: _, ...report } = await waveReport(store, waves, options)
  return report
}

const numbers = (g: Report['groups'][number]) => {
  if (g.suppressed) return { suppressed: true }
  const { csi } = g as GroupReport
  return {
    n: g.n,
    csi: [csi.n, csi.mean, csi.sd, csi.ciLow, csi.ciHigh, csi.score10],
    attributes: Object.fromEntries(
      g.attributes.map((a) => [a.key, [a.n, a.mean, a.sd, a.importance.stated ?? null]]),
    ),
  }
}

/** Asserts the file report's figures equal the wave report's, to 1e-9, group by group. */
function expectSameNumbers(file: Report, wave: Report) {
  const key = (g: Report['groups'][number]) => JSON.stringify([g.audience, g.segment])
  const fileGroups = new Map(file.groups.map((g) => [key(g), numbers(g)]))
  expect(wave.groups.length).toBeGreaterThan(1)
  for (const g of wave.groups) {
    const expected = numbers(g)
    const got = fileGroups.get(key(g))
    expect(got, key(g)).toBeDefined()
    if ('suppressed' in expected) {
      expect(got).toEqual(expected)
      continue
    }
    const found = got as typeof expected
    expect(found.n).toBe(expected.n)
    const close = (a: unknown[], b: unknown[]) =>
      b.forEach((v, i) =>
        typeof v === 'number' ? expect(a[i]).toBeCloseTo(v, 9) : expect(a[i]).toBe(v),
      )
    close(found.csi, expected.csi)
    for (const [k, row] of Object.entries(expected.attributes)) close(found.attributes[k]!, row)
  }
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csi-round-trip-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('export → import into a new wave → report', () => {
  // Employee responses are never exported row by row (SPEC §6a), so they have no round trip.
  const named = shippedSurveys.filter((s) => s.id !== 'employee').map((s) => s.id as Audience)
  test.each(named)('%s', async (audience) => {
    const { store } = await makeTestApp()
    const source = await waveWithResponses(store, audience, 60)
    const definition = source.survey.definition
    const roles = surveyRoles(definition)
    const by = roles.segments
    // A file report defaults to the CSI its columns allow: employees have no rebuy question.
    const csi = roles.rebuy ? 'overall-rebuy' : 'overall'

    // What `csi export` and GET /api/waves/:id/responses.csv write.
    let text = ''
    const exported = await exportResponses(store.db, source.wave.id, (chunk) => (text += chunk))
    expect(exported).toEqual({ count: 60 })
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
    expect(header!.slice(0, 5)).toEqual(['respondent', 'wave', 'audience', 'mode', 'submitted_at'])
    expect(rows.some((r) => r.includes(''))).toBe(true)
    const file = join(dir, `${audience}.csv`)
    await writeFile(file, text)

    // What `csi responses import <file> --wave <new> --mode postal` does with it.
    const { wave: copy } = await createWave(store.db, { surveyId: audience, name: 'copy' })
    const target = (await loadWaveSurvey(store.db, copy.id))!
    const imported = await importResponses(store, target, csvFileBatches(file), {
      importKey: await fileHash(file),
      mode: 'postal',
    })
    expect(imported).toMatchObject({ rows: 60, matchedInvitations: 0, modes: { web: 60 } })
    // The export's `r<id>` is no invitee: it is kept as an external id.
    const keys = await store.db
      .select({ key: responses.submissionKey })
      .from(responses)
      .where(eq(responses.waveId, copy.id))
    const external = keys.map((k) => k.key.split(':').slice(3).join(':'))
    expect(external.filter((e) => !/^r\d+$/.test(e))).toEqual([])

    const original = await statistics(store, source.wave.id, { by, csi })
    expect(await statistics(store, copy.id, { by, csi })).toStrictEqual(original)

    // What `csi report <file> --by …` reads, with and without the survey's roles.
    for (const survey of [surveyColumns(definition), null]) {
      const req = parseReportOptions({ by, csi })
      const read = await readResponsesCsv(text, req, { file: 'export.csv', survey })
      expect(read.rows).toBe(60)
      expectSameNumbers(fileReport(read, req), original)
    }
  })
})
