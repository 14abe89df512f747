import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq } from 'drizzle-orm'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { responses } from '../../../server/db/schema'
import { upsertSurvey } from '../../../server/db/surveys'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { csvFileBatches, fileHash } from '../../../server/node/csv-rows'
import { exportResponses } from '../../../server/responses/export-responses'
import { compileRowReader } from '../../../server/responses/response-row-answers'
import { importResponses } from '../../../server/responses/responses-import'
import {
  flattenAnswers,
  responseColumns,
  surveyColumns,
} from '../../../server/responses/responses-csv'
import { submitResponse } from '../../../server/responses/submit-response'
import type { GroupReport, Report } from '../../../reports'
import {
  fileReport,
  parseReportOptions,
  readResponsesCsv,
} from '../../../server/results/file-report/index'
import { loadReportWaves, waveReport } from '../../../server/results/wave-report'
import { ratingsOf, type SurveyDefinition } from '../../../server/surveys'
import { withRoleMapping } from '../../../server/surveys/role-mapping'
import { makeTestApp } from '../../helpers/app'

const columns = [1, 2, 3, 4, 5]

/** A Creator-style survey (no conventional names) with its roles mapped in csiRoles. */
function mappedSurvey(): SurveyDefinition {
  return withRoleMapping(
    {
      title: 'Creator survey',
      pages: [
        {
          elements: [
            { type: 'rating', name: 'q_satisfaction' },
            { type: 'rating', name: 'q_again' },
            {
              type: 'matrix',
              name: 'service_grid',
              columns,
              rows: ['delivery', 'price_value'],
            },
            { type: 'rating', name: 'q_speed' },
            { type: 'matrix', name: 'how_important', columns, rows: ['delivery', 'price_value'] },
            { type: 'dropdown', name: 'where_from', choices: ['north', 'south'] },
            { type: 'dropdown', name: 'ignored_dd', choices: ['a', 'b'] },
            { type: 'matrix', name: 'extra_grid', columns, rows: ['tidy'] },
            { type: 'comment', name: 'why' },
          ],
        },
      ],
    },
    {
      overall: 'q_satisfaction',
      rebuy: 'q_again',
      attributes: ['service_grid', 'q_speed'],
      importance: 'how_important',
      segments: ['where_from'],
    },
  )
}

const answers = {
  q_satisfaction: 4,
  q_again: 2,
  service_grid: { delivery: 5, price_value: 1 },
  q_speed: 3,
  how_important: { delivery: 4 },
  where_from: 'south',
  ignored_dd: 'b',
  extra_grid: { tidy: 2 },
  why: 'Late, "again"',
}

const metadata = ['respondent', 'wave', 'audience', 'mode', 'submitted_at']

describe('responses CSV of a survey with a csiRoles mapping', () => {
  test('responseColumns() names role columns by role, segments and the rest by question', () => {
    expect(responseColumns(mappedSurvey()).header).toEqual([
      ...metadata,
      'overall',
      'rebuy',
      'delivery',
      'price_value',
      'q_speed',
      'imp_delivery',
      'imp_price_value',
      'where_from',
      'ignored_dd',
      'extra_grid.tidy',
      'why',
    ])
    expect(surveyColumns(mappedSurvey())).toEqual({
      audience: null,
      overall: 'overall',
      rebuy: 'rebuy',
      attributes: ['delivery', 'price_value', 'q_speed'],
      importance: ['delivery', 'price_value'],
    })
  })

  test('flattenAnswers() with the definition puts each answer in its role column', () => {
    expect(flattenAnswers(answers, mappedSurvey())).toEqual({
      overall: 4,
      rebuy: 2,
      delivery: 5,
      price_value: 1,
      q_speed: 3,
      imp_delivery: 4,
      where_from: 'south',
      ignored_dd: 'b',
      'extra_grid.tidy': 2,
      why: 'Late, "again"',
    })
  })

  test('export columns read back into the same answers (another wave of the same survey)', () => {
    const { header, row } = responseColumns(mappedSurvey())
    const cells = row({
      respondent: 'r1',
      audience: 'customer',
      ...flattenAnswers(answers, mappedSurvey()),
    })
    const record = Object.fromEntries(header.map((h, i) => [h, String(cells[i])]))
    // A copy, as another wave loads the same stored version: nothing hangs on object identity.
    const reader = compileRowReader(structuredClone(mappedSurvey()), 'customer', header)
    if (!reader.ok) throw new Error(JSON.stringify(reader.issues))
    const read = reader.read(record)
    expect(read).toMatchObject({ ok: true, value: { answers, respondent: 'r1' } })
    if (read.ok)
      expect(ratingsOf(mappedSurvey(), read.value.answers)).toEqual(
        ratingsOf(mappedSurvey(), answers),
      )
  })

  test('the question names are read too, but not beside their role column', () => {
    const header = ['q_satisfaction', 'service_grid.delivery']
    const reader = compileRowReader(mappedSurvey(), 'customer', header)
    if (!reader.ok) throw new Error(JSON.stringify(reader.issues))
    expect(reader.read({ q_satisfaction: '5', 'service_grid.delivery': '2' })).toMatchObject({
      ok: true,
      value: { answers: { q_satisfaction: 5, service_grid: { delivery: 2 } } },
    })
    const both = compileRowReader(mappedSurvey(), 'customer', ['overall', 'q_satisfaction'])
    expect(both).toEqual({
      ok: false,
      issues: [
        {
          column: 'q_satisfaction',
          message: 'q_satisfaction: holds the same answer as column overall',
        },
      ],
    })
  })

  test('a role column refuses a value off the mapped question’s scale, naming the column', () => {
    const reader = compileRowReader(mappedSurvey(), 'customer', ['overall', 'imp_delivery'])
    if (!reader.ok) throw new Error(JSON.stringify(reader.issues))
    const read = reader.read({ overall: '7', imp_delivery: '0' })
    expect(read.ok).toBe(false)
    expect(read.ok ? [] : read.issues.map((i) => i.column)).toEqual(['overall', 'imp_delivery'])
  })
})

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csi-mapped-csv-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('exportResponses → importResponses with a csiRoles mapping', () => {
  test('a wave of a mapped survey imports into another wave of it unchanged', async () => {
    const { store } = await makeTestApp()
    const definition = mappedSurvey()
    await upsertSurvey(store, { id: 'creator', audience: 'customer', title: 'Creator', definition })
    const { wave: first } = await createWave(store.db, { surveyId: 'creator', name: 'first' })
    const source = (await loadWaveSurvey(store.db, first.id))!
    const sent = [
      answers,
      { q_satisfaction: 1, service_grid: { price_value: 4 }, where_from: 'north' },
      { q_again: 5, q_speed: 5, how_important: { price_value: 2 }, ignored_dd: 'a' },
    ]
    for (const data of sent) {
      const link = { state: 'open' as const, ...source, invitation: null }
      await submitResponse(store, link, { data, mode: 'web', now: new Date(), host: 'localhost' })
    }

    let text = ''
    expect(await exportResponses(store.db, first.id, (chunk) => (text += chunk))).toEqual({
      count: 3,
    })
    const [header, firstRow] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
    expect(header!.slice(5, 12)).toEqual([
      'overall',
      'rebuy',
      'delivery',
      'price_value',
      'q_speed',
      'imp_delivery',
      'imp_price_value',
    ])
    expect(header).not.toContain('q_satisfaction')
    expect(header).not.toContain('service_grid.delivery')
    expect(firstRow![header!.indexOf('overall')]).toBe('4')
    expect(firstRow![header!.indexOf('imp_delivery')]).toBe('4')

    const file = join(dir, 'creator.csv')
    await writeFile(file, text)
    const { wave: second } = await createWave(store.db, { surveyId: 'creator', name: 'second' })
    const target = (await loadWaveSurvey(store.db, second.id))!
    const imported = await importResponses(store, target, csvFileBatches(file), {
      importKey: await fileHash(file),
      mode: 'postal',
    })
    expect(imported).toMatchObject({ rows: 3, modes: { web: 3 } })

    const stored = async (waveId: string) =>
      (
        await store.db
          .select({ answers: responses.answers })
          .from(responses)
          .where(eq(responses.waveId, waveId))
          .orderBy(asc(responses.submissionKey))
      ).map((r) => r.answers)
    const copied = await stored(second.id)
    expect(copied).toHaveLength(3)
    for (const data of sent) expect(copied).toContainEqual(data)

    const report = async (waveId: string) => {
      const { waves: _, ...rest } = await waveReport(
        store,
        await loadReportWaves(store.db, [waveId]),
        {},
      )
      return rest
    }
    expect(await report(second.id)).toStrictEqual(await report(first.id))

    // What `csi report <file> --survey <definition>` reads: the role columns, by role.
    const req = parseReportOptions({ csi: 'overall-rebuy' })
    const read = await readResponsesCsv(text, req, {
      file: 'creator.csv',
      survey: surveyColumns(definition),
    })
    const figures = (g: Report['groups'][number]) => {
      const { csi, attributes } = g as GroupReport
      const rows = attributes.map((a) => [a.key, a.n, a.mean] as const)
      return { csi: [csi.n, csi.mean], attributes: rows.sort((a, b) => a[0].localeCompare(b[0])) }
    }
    const fromFile = fileReport(read, req).groups.map(figures)
    const fromWave = (
      await waveReport(store, await loadReportWaves(store.db, [first.id]), { csi: 'overall-rebuy' })
    ).groups.map(figures)
    expect(fromFile).toEqual(fromWave)
    // By hand from `sent`: only the first response has both overall (4) and rebuy (2).
    expect(fromFile).toEqual([
      {
        csi: [1, 3],
        attributes: [
          ['delivery', 1, 5],
          ['price_value', 2, 2.5],
          ['q_speed', 2, 4],
        ],
      },
    ])
  })
})
