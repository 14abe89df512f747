import { describe, expect, test } from 'vitest'
import {
  compareCandidates,
  compareGroups,
  gapsQuery,
  pickCompare,
  readCompare,
  theirCount,
} from '../../client/dashboard/gaps/compare-choice'
import type { GapRow, Peer } from '../../client/dashboard/gaps/gap-model'
import {
  gapAxisLimit,
  gapHeadline,
  sortGaps,
  verdictRules,
} from '../../client/dashboard/gaps/gap-model'
import { inkOn } from '../../client/dashboard/gaps/gap-chart-plugin'
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
  test('default candidates: customer waves by closeness in time to the employee wave', () => {
    const emp = { opensAt: '2026-06-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' }
    expect(compareCandidates(emp, peers).map((p) => p.id)).toEqual(['w-q2', 'w-q4'])
    const late = { opensAt: null, createdAt: '2026-10-20T00:00:00.000Z' }
    expect(compareCandidates(late, peers).map((p) => p.id)).toEqual(['w-q4', 'w-q2'])
    // Equally far: the newer first. Without customers, any other audience.
    const between = { opensAt: '2026-08-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' }
    expect(compareCandidates(between, peers)[0]!.id).toBe('w-q4')
    expect(compareCandidates(emp, [peers[0]!]).map((p) => p.id)).toEqual(['w-who'])
    expect(compareCandidates(emp, [])).toEqual([])
  })
  test('the default is the first candidate with enough responses to test, else the largest', () => {
    const tried = (...n: (number | null)[]) => n.map((x, i) => ({ id: `w${i}`, n: x }))
    expect(pickCompare(tried(2, 300), 5)).toBe('w1')
    expect(pickCompare(tried(5, 300), 5)).toBe('w0')
    expect(pickCompare(tried(3, null, 3), 5)).toBe('w0')
    expect(pickCompare(tried(1, 4), 5)).toBe('w1')
    expect(pickCompare(tried(null), 5)).toBe('w0')
    expect(pickCompare([], 5)).toBeNull()
  })
  test('their count is the compared audience’s total group, unless hidden', () => {
    const groups = [
      { audience: 'employee', segment: null, suppressed: false, n: 40 },
      { audience: 'customer', segment: { column: 'region', value: 'n' }, suppressed: false, n: 9 },
      { audience: 'customer', segment: null, suppressed: false, n: 300 },
    ] as unknown as Parameters<typeof theirCount>[0]['groups']
    expect(theirCount({ groups }, 'customer')).toBe(300)
    expect(theirCount({ groups }, 'wholesaler')).toBeNull()
  })
  test('?with= keeps known waves of one audience, else null (the page picks)', () => {
    expect(readCompare('w-q2', peers)).toEqual(['w-q2'])
    expect(readCompare('w-q2,w-q4', peers)).toEqual(['w-q2', 'w-q4'])
    expect(readCompare('w-q2,w-who', peers)).toBeNull()
    expect(readCompare('w-gone', peers)).toBeNull()
    expect(readCompare(null, peers)).toBeNull()
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
    expect(gapHeadline([row('a', 'suppressed', null)], labels, 'customers').title).toBe(
      'No gap could be tested yet: every attribute is suppressed to keep staff anonymous',
    )
  })
  test('nothing tested is never “no dangerous gaps”: it says why', () => {
    const small = { nA: 40, nB: 1 }
    const h = gapHeadline(
      [row('a', 'descriptive-only', 1.2, small), row('b', 'descriptive-only', 0.3, small)],
      labels,
      'customers',
    )
    expect(h.title).toBe(
      'No gap could be tested yet: too few customers answered (a test needs at least 2 answers in each group)',
    )
    expect(h.details[0]).toMatch(/without a verdict/)
    const flat = gapHeadline(
      [row('a', 'descriptive-only', 0, { nA: 6, nB: 9 }), row('d', 'suppressed', null)],
      labels,
      'customers',
    )
    expect(flat.title).toBe(
      'No gap could be tested yet: the answers have no spread to test (everyone gave the same rating)',
    )
    expect(flat.details).toContain('One attribute is suppressed to keep staff answers anonymous.')
  })
  test('some tested, some not: the verdict stands, the untested are named as such', () => {
    const h = gapHeadline(
      [row('a', 'none', 0.1), row('b', 'descriptive-only', 0.4, { nA: 1, nB: 30 })],
      labels,
      'customers',
    )
    expect(h.title).toMatch(/^No dangerous gaps/)
    expect(h.details).toEqual([
      'One attribute could not be tested, too few staff answered (a test needs at least 2 answers in each group): shown without a verdict.',
    ])
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
    const one = verdictRules(
      { minGap: 0.5, pessimisticGap: 0.5, alpha: 0.05, minG: 0.5 },
      { pAdjust: 'holm', minGroup: 5, attributes: 1, other: 'customers' },
    )
    expect(one.dangerous).toContain('for testing 1 attribute at once')
  })
  test('with nothing tested, the rules say so instead of “testing 0 attributes”', () => {
    const rules = verdictRules(
      { minGap: 0.5, pessimisticGap: 0.5, alpha: 0.05, minG: 0.5 },
      { pAdjust: 'holm', minGroup: 5, attributes: 0, other: 'customers' },
    )
    expect(rules.dangerous).toContain('for the number of attributes tested (adjusted p < 0.05)')
    expect(rules.dangerous).toMatch(/Here no attribute could be tested\.$/)
    expect(rules.pessimistic).toMatch(/Here no attribute could be tested\.$/)
    expect(rules.dangerous).not.toContain('0 attributes')
  })
})

describe('inkOn()', () => {
  test('ink on the light grey of untested bars, white on the verdict colours', () => {
    expect(inkOn('#cbd2d9')).toBe('#1f2933')
    expect(inkOn('#7b8794')).toBe('#1f2933')
    expect(inkOn('#b42318')).toBe('#fff')
    expect(inkOn('#2f6eb5')).toBe('#fff')
    expect(inkOn(undefined)).toBe('#fff')
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
