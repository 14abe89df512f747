import { describe, expect, test } from 'vitest'
import {
  checkMinGroup,
  commentsVisible,
  complementarySuppression,
  reportFromResponses,
  resolveOptions,
  type GroupReport,
  type Report,
  type ResponseRecord,
} from '../../reports/index'
import { makeResponse } from './fixtures/responses'

describe('complementarySuppression() (METHODOLOGY §7.2 rule 3)', () => {
  test.each([
    // [parent n, breakouts, k, visible] — worked by hand in the comment
    [
      8,
      [
        ['sales', 5],
        ['service', 3],
      ],
      5,
      [],
    ], // §9: 5 has remainder 3, 3 < k
    [
      8,
      [
        ['sales', 5],
        ['service', 3],
      ],
      3,
      ['sales', 'service'],
    ],
    [
      20,
      [
        ['a', 10],
        ['b', 10],
      ],
      5,
      ['a', 'b'],
    ],
    [
      20,
      [
        ['a', 12],
        ['b', 4],
        ['c', 4],
      ],
      5,
      ['a'],
    ], // hidden b + c = 8 ≥ k: stable
    [
      20,
      [
        ['a', 8],
        ['b', 8],
        ['c', 4],
      ],
      5,
      ['b'],
    ], // c hidden, R = 4 < k → hide smallest (a, tie by key)
    [
      20,
      [
        ['a', 10],
        ['b', 8],
      ],
      5,
      ['a'],
    ], // 2 respondents in no breakout: R = 2 < k → hide b
    [
      12,
      [
        ['a', 6],
        ['b', 6],
      ],
      5,
      ['a', 'b'],
    ],
    [10, [['a', 10]], 5, []], // the rest of the parent is 0 < k
    [
      4,
      [
        ['a', 2],
        ['b', 2],
      ],
      3,
      [],
    ], // parent itself below k
  ] as const)('n=%d %j k=%d → %j', (parent, groups, k, want) => {
    const breakouts = groups.map(([key, n]) => ({ key, n }))
    expect(complementarySuppression(parent, breakouts, k)).toEqual(want)
  })

  test('a breakout hidden for another reason counts as hidden', () => {
    const breakouts = [
      { key: 'a', n: 10, hidden: true },
      { key: 'b', n: 10 },
    ]
    expect(complementarySuppression(20, breakouts, 5)).toEqual(['b'])
  })
})

describe('thresholds', () => {
  test('k defaults to 5 and is never below 3', () => {
    expect(resolveOptions().minGroup).toBe(5)
    expect(checkMinGroup(3)).toBe(3)
    expect(() => checkMinGroup(2)).toThrow(RangeError)
    expect(() => checkMinGroup(4.5)).toThrow(/minGroup/)
    expect(() => reportFromResponses([], { minGroup: 1 })).toThrow(
      /minGroup must be an integer ≥ 3/,
    )
  })

  test('comments need 10', () => {
    expect(commentsVisible(9)).toBe(false)
    expect(commentsVisible(10)).toBe(true)
  })
})

const employee = (team: string, q: number | null, s: number | null): ResponseRecord =>
  makeResponse({ audience: 'employee', attributes: { q, s }, segments: { team } })

const find = (r: Report, team: string | null) =>
  r.groups.find((g) => g.audience === 'employee' && (g.segment?.value ?? null) === team)

describe('employee breakouts in the report', () => {
  // 12 employees: team a 6, team b 6. Item s answered by 6 in a and 2 in b (parent 8).
  const rs = [
    ...Array.from({ length: 6 }, (_, i) => employee('a', 4, 3 + (i % 2))),
    ...Array.from({ length: 6 }, (_, i) => employee('b', 5, i < 2 ? 2 : null)),
  ]
  const report = reportFromResponses(rs, { by: ['team'] })

  test('both teams are shown (6 each, remainder 6)', () => {
    expect(find(report, 'a')?.suppressed).toBe(false)
    expect(find(report, 'b')?.suppressed).toBe(false)
  })

  test('item s: b has 2 < k, so a (6, remainder 2) is suppressed too; the parent shows it', () => {
    const a = find(report, 'a') as GroupReport
    const b = find(report, 'b') as GroupReport
    const s = (g: GroupReport) => g.attributes.find((x) => x.key === 's')
    expect(s(b)).toMatchObject({
      suppressed: true,
      n: null,
      mean: null,
      reason: 'anonymity: fewer than 5 answers',
    })
    expect(s(a)).toMatchObject({
      suppressed: true,
      n: null,
      reason: 'anonymity: complementary suppression',
    })
    expect(s(find(report, null) as GroupReport)).toMatchObject({
      suppressed: false,
      n: 8,
      mean: 25 / 8,
    })
    expect(a.attributes[0]).toMatchObject({ key: 'q', n: 6, mean: 4, suppressed: false })
  })

  test('customers are never suppressed', () => {
    const r = reportFromResponses(
      [makeResponse({ attributes: { q: 3 }, segments: { team: 'x' } })],
      {
        by: ['team'],
      },
    )
    expect(r.groups.map((g) => g.suppressed)).toEqual([false, false])
  })

  test('response rates of an anonymous group need ≥ k (5) invitees', () => {
    const r = reportFromResponses(rs, {
      responseRates: [
        { audience: 'employee', segment: null, invited: 20, responded: 12 },
        { audience: 'employee', segment: { column: 'team', value: 'a' }, invited: 4, responded: 4 },
      ],
      by: ['team'],
    })
    expect((find(r, null) as GroupReport).responseRate).toEqual({
      invited: 20,
      responded: 12,
      partial: 0,
      optedOut: 0,
      bounced: 0,
      rr1: 0.6,
      rr2: 0.6,
    })
    expect((find(r, 'a') as GroupReport).responseRate).toBeNull()
  })

  test('RR2 counts partials as responders; opt-outs and bounces stay in the denominator', () => {
    // 40 invited: 10 complete, 6 partial, 4 opted out, 2 bounced, 18 no reply (hand-computed).
    const r = reportFromResponses(rs, {
      responseRates: [
        {
          audience: 'employee',
          segment: null,
          invited: 40,
          responded: 10,
          partial: 6,
          optedOut: 4,
          bounced: 2,
        },
      ],
    })
    const rate = (find(r, null) as GroupReport).responseRate!
    expect(rate.rr1).toBeCloseTo(10 / 40, 12)
    expect(rate.rr2).toBeCloseTo(16 / 40, 12)
    expect([rate.partial, rate.optedOut, rate.bounced]).toEqual([6, 4, 2])
  })
})
