import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loadAggregates } from '../../../server/db/aggregates'
import { waves } from '../../../server/db/schema'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { openDatabase } from '../../../server/node/open-database'
import { submitResponse } from '../../../server/responses/submit-response'
import { makeCustomerAnswers } from '../../helpers/answers'
import { csiWithDatabase } from '../../helpers/cli'

/** A monthly wave in the field since August: 6 answers in August, 2 in September, 5 in October. */
async function continuousWave(csi: ReturnType<typeof csiWithDatabase>) {
  const out = await csi(
    'wave',
    'create',
    '--survey',
    'customer',
    '--name',
    'Always on',
    '--period',
    'month',
    '--json',
  )
  expect(out.code, out.stderr).toBe(0)
  const created = JSON.parse(out.stdout) as { id: string; reportingPeriod: string }
  expect(created.reportingPeriod).toBe('month')
  const store = openDatabase(csi.env.DATABASE_PATH)
  await store.db
    .update(waves)
    .set({ opensAt: new Date('2026-08-01T00:00:00Z'), closedAt: new Date('2026-10-31T00:00:00Z') })
    .where(eq(waves.id, created.id))
  const loaded = (await loadWaveSurvey(store.db, created.id))!
  const answers: [string, number][] = [
    ...[2, 3, 2, 3, 2, 3].map((o, i): [string, number] => [`2026-08-0${i + 1}`, o]),
    ['2026-09-03', 5],
    ['2026-09-04', 5],
    ...[4, 5, 4, 5, 5].map((o, i): [string, number] => [`2026-10-0${i + 1}`, o]),
  ]
  for (const [day, overall] of answers)
    await submitResponse(
      store,
      { state: 'open', ...loaded, invitation: null },
      {
        data: makeCustomerAnswers({ overall, rebuy: overall }),
        mode: 'web',
        now: new Date(`${day}T10:00:00Z`),
        host: 'localhost',
      },
    )
  store.close()
  return created.id
}

describe('csi wave create --period', () => {
  test.each([
    [
      ['--survey', 'customer', '--period', 'week'],
      /--period: "week" must be one of month, quarter/,
    ],
    [
      ['--survey', 'employee', '--period', 'month'],
      /--period: an employee wave cannot report by period/,
    ],
  ])('refuses %j naming the option', async (args, message) => {
    const out = await csiWithDatabase()('wave', 'create', '--name', 'X', ...args)
    expect(out.code).not.toBe(0)
    expect(out.stderr).toMatch(message)
  })
})

describe('csi report --wave … --by period', () => {
  test('prints the breakdown and the months in order, the small one suppressed, the change tested', async () => {
    const csi = csiWithDatabase()
    const id = await continuousWave(csi)
    const md = await csi('report', '--wave', id, '--by', 'period')
    expect(md.code, md.stderr).toBe(0)
    const section = md.stdout.slice(md.stdout.indexOf('## By month'))
    expect(section).toMatch(/## By month \(CSI \/100, 95% CI\)/)
    const rows = section.split('\n').filter((l) => /^\| (August|September|October) 2026/.test(l))
    expect(rows.map((r) => r.split('|')[1]!.trim())).toEqual([
      'August 2026',
      'September 2026',
      'October 2026',
    ])
    expect(rows[1]).toMatch(/suppressed \(fewer than 5\)/)
    expect(rows[2]).toMatch(/\+\d+\.\d \(significant, p (<0\.001|0\.0\d\d)\)/)

    const json = await csi('report', '--wave', id, '--by', 'period', '--format', 'json')
    expect(json.code, json.stderr).toBe(0)
    const body = JSON.parse(json.stdout) as {
      groups: { segment: { value: string } | null; n: number }[]
      periods: { points: { period: string; responses: number }[]; changes: { toPeriod: string }[] }
    }
    expect(body.groups.map((g) => [g.segment?.value ?? null, g.n])).toEqual([
      [null, 13],
      ['2026-08', 6],
      ['2026-09', 2],
      ['2026-10', 5],
    ])
    expect(body.periods.points.map((p) => [p.period, p.responses])).toEqual([
      ['2026-08', 6],
      ['2026-09', 2],
      ['2026-10', 5],
    ])
    expect(body.periods.changes.map((c) => c.toPeriod)).toContain('2026-10')
  })
})

describe('csi aggregates rebuild of a continuous wave', () => {
  test('both rebuilds give back the cells the submissions kept, period groups included', async () => {
    const csi = csiWithDatabase()
    const id = await continuousWave(csi)
    const cells = async () => {
      const store = openDatabase(csi.env.DATABASE_PATH)
      const rows = await loadAggregates(store.db, id)
      store.close()
      return [...rows].sort((a, b) =>
        a.group < b.group ? -1 : a.group > b.group ? 1 : a.block - b.block,
      )
    }
    const kept = await cells()
    expect(kept.filter((c) => c.group.includes('2026-09')).length).toBeGreaterThan(0)
    for (const deep of [[], ['--from-answers']]) {
      const out = await csi('aggregates', 'rebuild', '--wave', id, ...deep)
      expect(out.code, out.stderr).toBe(0)
      expect(out.stdout).toMatch(/from 13 responses/)
      expect(await cells()).toEqual(kept)
    }
  })
})

describe('csi wave period', () => {
  test('pools a continuous wave again, makes it quarterly (answers move), refuses a bad word and an employee wave', async () => {
    const csi = csiWithDatabase()
    const id = await continuousWave(csi)
    const quarter = await csi('wave', 'period', id, 'quarter')
    expect(quarter.code, quarter.stderr).toBe(0)
    expect(quarter.stdout).toBe(`${id} reports per quarter (13 responses)\n`)
    const json = await csi('report', '--wave', id, '--by', 'period', '--format', 'json')
    const groups = (
      JSON.parse(json.stdout) as { groups: { segment: { value: string } | null; n: number }[] }
    ).groups
    expect(groups.map((g) => [g.segment?.value ?? null, g.n])).toEqual([
      [null, 13],
      ['2026-Q3', 8],
      ['2026-Q4', 5],
    ])
    expect((await csi('wave', 'period', id, 'none')).stdout).toBe(
      `${id} reports as one pool (13 responses)\n`,
    )
    const bad = await csi('wave', 'period', id, 'weekly')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/<period>: "weekly" must be month, quarter or none/)
    const staff = (
      await csi('wave', 'create', '--survey', 'employee', '--name', 'Staff')
    ).stdout.trim()
    const refused = await csi('wave', 'period', staff, 'month')
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/<period>: an employee wave cannot report by period/)
  })
})
