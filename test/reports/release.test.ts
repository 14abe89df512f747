import { describe, expect, test } from 'vitest'
import {
  answerCounts,
  emptyAggregate,
  foldResponses,
  releaseBlockers,
  type AggregateSpec,
  type ResponseRecord,
} from '../../reports/index'

const spec: AggregateSpec = { attributes: { employee: ['quality', 'support'] }, segments: ['dept'] }

const staff = (dept: string, overall: number, quality: number | null): ResponseRecord => ({
  audience: 'employee',
  overall,
  rebuy: null,
  attributes: { quality, support: 3 },
  segments: { dept },
})

describe('answerCounts()', () => {
  test('counts per group and item, by hand: 3 in sales (one skipped quality), 1 in ops', () => {
    const agg = foldResponses(emptyAggregate(spec), [
      staff('sales', 4, 5),
      staff('sales', 2, null),
      staff('sales', 5, 4),
      staff('ops', 3, 3),
    ])
    const counts = answerCounts(agg)
    expect(counts['employee|n']).toBe(4)
    expect(counts['employee|attribute:quality']).toBe(3)
    expect(counts['employee|attribute:support']).toBe(4)
    expect(counts['employee|rebuy']).toBe(0)
    // Listwise-complete [overall, quality, support]: the one who skipped quality is out.
    expect(counts['employee|complete']).toBe(3)
    expect(counts['employee/dept=sales|n']).toBe(3)
    expect(counts['employee/dept=sales|attribute:quality']).toBe(2)
    expect(counts['employee/dept=ops|n']).toBe(1)
    const onlyWave = answerCounts(agg, (key) => !key.includes('/'))
    expect(Object.keys(onlyWave).every((k) => k.startsWith('employee|'))).toBe(true)
  })
})

describe('releaseBlockers()', () => {
  const k = 3
  const released = { 'g|n': 10, 'g|attribute:quality': 9, 'h|n': 5 }

  test('nothing new, or k or more new everywhere: no blockers', () => {
    expect(releaseBlockers(released, released, k)).toEqual([])
    expect(
      releaseBlockers(released, { 'g|n': 13, 'g|attribute:quality': 12, 'h|n': 5 }, k),
    ).toEqual([])
  })

  test('one new person, or k new people of whom fewer than k answered an item: blocked there', () => {
    expect(releaseBlockers(released, { ...released, 'g|n': 11 }, k)).toEqual(['g|n'])
    expect(
      releaseBlockers(released, { 'g|n': 13, 'g|attribute:quality': 10, 'h|n': 5 }, k),
    ).toEqual(['g|attribute:quality'])
  })

  test('a group new since the last release counts from zero', () => {
    expect(releaseBlockers(released, { ...released, 'new|n': 2 }, k)).toEqual(['new|n'])
    expect(releaseBlockers(released, { ...released, 'new|n': 3 }, k)).toEqual([])
  })
})
