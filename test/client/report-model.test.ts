import { describe, expect, test } from 'vitest'
import type { AttributeRow } from '../../client/dashboard/report/report-model'
import { nextSort, servedSort, sortAttributes } from '../../client/dashboard/report/report-model'

/** Only the fields sorting reads; the rest of a row does not matter here. */
function row(key: string, mean: number | null, n: number, share: number | null) {
  return {
    key,
    mean,
    n,
    importance: { r: null, share, phi: null, stated: null, statedN: 0 },
  } as unknown as AttributeRow
}

// As served by sort=mean (descending): a 4.21, b 3.58, c 3.58 (tie, key order), d no answers.
const rows = [
  row('a', 4.21, 310, 0.05),
  row('b', 3.58, 300, 0.3),
  row('c', 3.58, 20, null),
  row('d', null, 0, 0.1),
]
const labels: Record<string, string> = { a: 'Zeta', b: 'alpha', c: 'Beta', d: 'Gamma' }
const keys = (rs: AttributeRow[]) => rs.map((r) => r.key).join('')

describe('sortAttributes()', () => {
  test('null keeps the server order', () => {
    expect(keys(sortAttributes(rows, null, (k) => labels[k]!, 'share'))).toBe('abcd')
  })
  test('mean ascending: weakest first, ties in served order, no answers last', () => {
    expect(
      keys(sortAttributes(rows, { key: 'mean', dir: 'ascending' }, (k) => labels[k]!, 'share')),
    ).toBe('bcad')
  })
  test('mean descending reproduces the served order', () => {
    expect(
      keys(sortAttributes(rows, { key: 'mean', dir: 'descending' }, (k) => labels[k]!, 'share')),
    ).toBe('abcd')
  })
  test('labels sort A–Z ignoring case', () => {
    expect(
      keys(sortAttributes(rows, { key: 'label', dir: 'ascending' }, (k) => labels[k]!, 'share')),
    ).toBe('bcda')
  })
  test('importance uses the model source; missing last in both directions', () => {
    expect(
      keys(
        sortAttributes(rows, { key: 'importance', dir: 'descending' }, (k) => labels[k]!, 'share'),
      ),
    ).toBe('bdac')
    expect(
      keys(
        sortAttributes(rows, { key: 'importance', dir: 'ascending' }, (k) => labels[k]!, 'share'),
      ),
    ).toBe('adbc')
  })
  test('n descending', () => {
    expect(
      keys(sortAttributes(rows, { key: 'n', dir: 'descending' }, (k) => labels[k]!, 'share')),
    ).toBe('abcd')
  })
})

describe('nextSort() and servedSort()', () => {
  test('the same column flips; a new column starts high–low (A–Z for labels)', () => {
    expect(nextSort({ key: 'mean', dir: 'descending' }, 'mean')).toEqual({
      key: 'mean',
      dir: 'ascending',
    })
    expect(nextSort({ key: 'mean', dir: 'ascending' }, 'mean')).toEqual({
      key: 'mean',
      dir: 'descending',
    })
    expect(nextSort({ key: 'mean', dir: 'ascending' }, 'n')).toEqual({
      key: 'n',
      dir: 'descending',
    })
    expect(nextSort(null, 'label')).toEqual({ key: 'label', dir: 'ascending' })
  })
  test('the served order as a sort state', () => {
    expect(servedSort('mean')).toEqual({ key: 'mean', dir: 'descending' })
    expect(servedSort('importance')).toEqual({ key: 'importance', dir: 'descending' })
    expect(servedSort('none')).toBeNull()
  })
})
