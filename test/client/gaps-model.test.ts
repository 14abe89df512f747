import { describe, expect, test } from 'vitest'
import type { GapRow, Peer } from '../../client/dashboard/gaps/gap-model'
import {
  compareGroups,
  defaultCompare,
  gapAxisLimit,
  gapHeadline,
  gapsQuery,
  readCompare,
  sortGaps,
  verdictRules,
} from '../../client/dashboard/gaps/gap-model'
import { numberWord, wrapLabel } from '../../client/dashboard/gaps/words'

const peer = (id: string, audience: string, opensAt: string | null, createdAt = opensAt): Peer => ({
  id,
  name: `${audience} ${id}`,
  audience: audience as Peer['audience'],
  surveyId: audience,
  opensAt,
  closesAt: null,
  createdAt: createdAt ?? '2026-01-01T00:00:00.000Z',
})

const peers = [
  peer('w-who', 'wholesaler', '2026-11-01T00:00:00.000Z'),
  peer('w-q2', 'customer', '2026-05-01T00:00:00.000Z'),
  peer('w-q4', 'customer', '2026-11-01T00:00:00.000Z'),
]

function row(
  key: string,
  verdict: GapRow['verdict'],
  gap: number | null,
  extra: Partial<GapRow> = {},
) {
  return {
    key,
    groupA: 'employee',
    groupB: 'customer',
    gap,
    ciGapLow: gap === null ? null : gap - 0.2,
    ciGapHigh: gap === null ? null : gap + 0.2,
    verdict,
    ...extra,
  } as GapRow
}

describe('compare choices', () => {
  test('customers first, newest first, and all customer waves together', () => {
    const groups = compareGroups(peers)
    expect(groups.map((g) => g.label)).toEqual(['Customers', 'Wholesalers'])
    expect(groups[0]!.choices.map((c) => c.value)).toEqual(['w-q4', 'w-q2', 'w-q4,w-q2'])
    expect(groups[0]!.choices[2]!.label).toBe('All 2 customer waves together')
    expect(groups[1]!.choices).toHaveLength(1)
  })
  test('the default is the newest customer wave, else the newest of any', () => {
    expect(defaultCompare(peers)).toEqual(['w-q4'])
    expect(defaultCompare([peers[0]!])).toEqual(['w-who'])
    expect(defaultCompare([])).toEqual([])
  })
  test('?with= keeps known waves of one audience, else falls back to the default', () => {
    expect(readCompare('w-q2', peers)).toEqual(['w-q2'])
    expect(readCompare('w-q2,w-q4', peers)).toEqual(['w-q2', 'w-q4'])
    expect(readCompare('w-q2,w-who', peers)).toEqual(['w-q4'])
    expect(readCompare('w-gone', peers)).toEqual(['w-q4'])
    expect(readCompare(null, peers)).toEqual(['w-q4'])
  })
  test('the API query compares with the chosen audience', () => {
    expect(gapsQuery('employee', ['w-who'], peers)).toEqual({
      with: 'w-who',
      compare: 'employee:wholesaler',
    })
    expect(gapsQuery('employee', ['w-q4', 'w-q2'], peers).compare).toBe('employee:customer')
  })
})

describe('gapHeadline()', () => {
  const labels = { a: 'Delivery', b: 'Complaints', c: 'Price', d: 'Ordering' }
  test('counts dangerous gaps in words and names them', () => {
    const h = gapHeadline(
      [row('a', 'dangerous', 1.1), row('b', 'dangerous', 1.4), row('c', 'pessimistic', -0.7)],
      labels,
      'customers',
    )
    expect(h.title).toBe('Two dangerous gaps: staff think we do much better than customers say')
    expect(h.details).toEqual([
      'On “Delivery” and “Complaints”.',
      'Staff are gloomier than customers on one attribute: “Price”.',
    ])
  })
  test('one dangerous gap is singular', () => {
    expect(gapHeadline([row('a', 'dangerous', 1)], labels, 'wholesalers').title).toBe(
      'One dangerous gap: staff think we do much better than wholesalers say',
    )
  })
  test('no dangerous gap, some to watch, one suppressed', () => {
    const h = gapHeadline(
      [row('a', 'watch', 0.2), row('b', 'none', 0.1), row('d', 'suppressed', null)],
      labels,
      'customers',
    )
    expect(h.title).toMatch(/^No dangerous gaps/)
    expect(h.details).toEqual([
      'One to watch, where staff are somewhat rosier: “Delivery”.',
      'One attribute is suppressed to keep staff answers anonymous.',
    ])
  })
  test('everything suppressed says so', () => {
    expect(gapHeadline([row('a', 'suppressed', null)], labels, 'customers').title).toMatch(
      /every attribute is suppressed/,
    )
  })
})

describe('gap rows', () => {
  test('largest gap first; suppressed and untested last, in survey order', () => {
    const rows = [
      row('s1', 'suppressed', null),
      row('a', 'none', 0.1),
      row('b', 'dangerous', 1.2),
      row('s2', 'suppressed', null),
      row('c', 'pessimistic', -0.8),
    ]
    expect(sortGaps(rows).map((r) => r.key)).toEqual(['b', 'a', 'c', 's1', 's2'])
  })
  test('the axis covers every whisker in half points and the threshold', () => {
    expect(gapAxisLimit([row('a', 'dangerous', 1.4)], 0.5)).toBe(2)
    expect(gapAxisLimit([row('a', 'none', 0.05)], 0.5)).toBe(1)
    expect(gapAxisLimit([row('a', 'pessimistic', -1.6)], 0.5)).toBe(2)
  })
  test('verdict rules quote the report thresholds', () => {
    const rules = verdictRules(
      { minGap: 0.5, pessimisticGap: 0.5, alpha: 0.05, minG: 0.5 },
      { pAdjust: 'holm', minGroup: 5, attributes: 8, other: 'customers' },
    )
    expect(rules.dangerous).toContain('at least 0.5 points higher than customers')
    expect(rules.dangerous).toContain('Holm’s correction for testing 8 attributes')
    expect(rules.dangerous).toContain('g ≥ 0.5')
    expect(rules.suppressed).toContain('Fewer than 5 staff')
  })
})

describe('words', () => {
  test('numbers in words', () => {
    expect(numberWord(2, true)).toBe('Two')
    expect(numberWord(12)).toBe('12')
  })
  test('labels wrap on word boundaries', () => {
    expect(wrapLabel('Complaint handling', 16)).toEqual(['Complaint', 'handling'])
    expect(wrapLabel('Price value', 16)).toEqual(['Price value'])
  })
})
