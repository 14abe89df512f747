import { describe, expect, test } from 'vitest'
import type { Attitude } from '../../client/dashboard/report/attitude-model'
import {
  attitudeTables,
  parseAttitudeGroup,
  withheldWords,
} from '../../client/dashboard/report/attitude-model'

type Row = Attitude['groups'][number]['rows'][number]

const reason = 'anonymity: fewer than 5 answers here or in the rest of the group'

/**
 * Pride answered 5, 4, 4, 3, 5, 2 by six staff: mean 23/6 = 3.8333, s² = 41/30,
 * half-width t(0.975, 5)·s/√6 = 2.5706 · 1.16905 / 2.44949 = 1.2268 → 2.6065 to 5.0602;
 * /10 (linear) = (3.8333 − 1)/4·10 = 7.083; top-2 4 of 6 = 66.7%, Wilson 30.0% to 90.3%.
 */
const pride: Row = {
  key: 'pride',
  n: 6,
  mean: { n: 6, mean: 23 / 6, sd: 1.16905, ciLow: 2.6065, ciHigh: 5.0602, reason: null },
  score10: 7.0833,
  band: 'adequate',
  top2: { count: 4, n: 6, p: 4 / 6, ciLow: 0.29999, ciHigh: 0.90323 },
  suppressed: null,
}
const empty = (key: string): Row => ({
  key,
  n: 0,
  mean: null,
  score10: null,
  band: null,
  top2: null,
  suppressed: null,
})
const withheld = (key: string): Row => ({ ...empty(key), suppressed: reason })

const attitude: Attitude = {
  items: [
    { key: 'pride', label: 'I am proud to work for this company' },
    { key: 'tools', label: 'I have the tools I need' },
    { key: 'teamwork', label: 'Other teams help me' },
  ],
  groups: [
    { group: 'employee', rows: [pride, withheld('tools'), empty('teamwork')] },
    {
      group: 'employee/department=customer%20service',
      rows: [withheld('pride'), withheld('tools'), withheld('teamwork')],
    },
    { group: 'employee/department=sales', rows: [pride, withheld('tools'), empty('teamwork')] },
  ],
}
const values = { department: { sales: 'Sales and account management' } }

describe('parseAttitudeGroup()', () => {
  test.each([
    ['employee', null],
    ['employee/department=sales', { column: 'department', value: 'sales' }],
    ['employee/dept%2Fteam=a%3Db%20c', { column: 'dept/team', value: 'a=b c' }],
  ])('%s', (group, expected) => {
    expect(parseAttitudeGroup(group)).toEqual(expected)
  })
})

describe('withheldWords()', () => {
  test('all staff: too few answered', () => {
    expect(withheldWords(reason, null)).toBe(
      'to protect anonymity: fewer than 5 staff answered it.',
    )
  })
  test('a department: too few here, or subtraction would reveal another', () => {
    expect(withheldWords(reason, 'department')).toBe(
      'to protect anonymity: fewer than 5 staff in this department answered it, or showing it would let a smaller department’s answers be worked out by subtraction.',
    )
  })
  test('a reason it does not know is still said', () => {
    expect(withheldWords('held back', null)).toBe('(held back)')
  })
})

describe('attitudeTables()', () => {
  const tables = attitudeTables(attitude, values)

  test('all staff first, then each department, named by the survey (or its key)', () => {
    expect(tables.map((t) => [t.title, t.column, t.allWithheld])).toEqual([
      ['All staff', null, false],
      ['Customer service', 'department', true],
      ['Sales and account management', 'department', false],
    ])
  })

  test('a shown item: n, mean and CI on 1–5, /10 with band, top-2 with its interval', () => {
    expect(tables[0]!.lines[0]).toEqual({
      key: 'pride',
      label: 'I am proud to work for this company',
      kind: 'shown',
      n: 6,
      mean: '3.83',
      meanCi: '2.61–5.06',
      score10: '7.1',
      band: 'adequate',
      top2: '67%',
      top2Ci: '30–90%',
    })
  })

  test('withheld says why in words and carries no numbers; unanswered is just that', () => {
    expect(tables[0]!.lines[1]).toEqual({
      key: 'tools',
      label: 'I have the tools I need',
      kind: 'withheld',
      reason: 'to protect anonymity: fewer than 5 staff answered it.',
    })
    expect(tables[0]!.lines[2]).toEqual({
      key: 'teamwork',
      label: 'Other teams help me',
      kind: 'none',
      n: 0,
    })
    expect(tables[2]!.lines[1]).toMatchObject({ kind: 'withheld' })
    expect((tables[2]!.lines[1] as { reason: string }).reason).toContain('in this department')
  })

  test('one answer: a mean, no interval', () => {
    const one: Row = {
      ...pride,
      n: 1,
      mean: { n: 1, mean: 4, sd: null, ciLow: null, ciHigh: null, reason: 'n < 2: no SD or CI' },
      score10: 7.5,
      band: 'adequate',
      top2: { count: 1, n: 1, p: 1, ciLow: 0.20654, ciHigh: 1 },
    }
    const [t] = attitudeTables({ items: [], groups: [{ group: 'employee', rows: [one] }] }, {})
    expect(t!.lines[0]).toMatchObject({ label: 'Pride', mean: '4.00', meanCi: '–', top2: '100%' })
    expect(t!.lines[0]).toMatchObject({ top2Ci: '21–100%' })
  })

  test('no groups, no tables; a group without items is not all withheld', () => {
    expect(attitudeTables({ items: [], groups: [] }, {})).toEqual([])
    const [t] = attitudeTables({ items: [], groups: [{ group: 'employee', rows: [] }] }, {})
    expect(t!.allWithheld).toBe(false)
  })
})
