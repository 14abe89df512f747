import { describe, expect, test } from 'vitest'
import {
  emptyKind,
  filtersHref,
  isFiltered,
  listQuery,
  noFilters,
  readFilters,
} from '../../client/dashboard/alerts/alert-filters'

const read = (q: string) => readFilters(new URLSearchParams(q))

describe('readFilters() and filtersHref()', () => {
  test('no query: no filters, and the plain address', () => {
    expect(read('')).toEqual(noFilters)
    expect(filtersHref(noFilters)).toBe('/alerts')
    expect(isFiltered(noFilters)).toBe(false)
  })
  test('known values survive the round trip through the address', () => {
    const f = read('status=in_progress&owner=Sam@Acme.example&wave=w-1&overdue=1')
    expect(f).toEqual({
      status: 'in_progress',
      owner: 'sam@acme.example',
      wave: 'w-1',
      overdue: true,
    })
    expect(read(filtersHref(f).split('?')[1]!)).toEqual(f)
    expect(read('owner=unassigned').owner).toBe('unassigned')
  })
  test('unknown values fall back to "any", so an edited link still opens', () => {
    expect(read('status=closed&owner=nobody&overdue=yes')).toEqual(noFilters)
  })
})

describe('listQuery()', () => {
  test('"unassigned" asks the API for an empty owner; the next page goes as `before`', () => {
    expect(listQuery({ ...noFilters, owner: 'unassigned', overdue: true }, '1795:a-1')).toEqual({
      owner: '',
      overdue: '1',
      before: '1795:a-1',
      limit: '50',
    })
    expect(listQuery(noFilters)).toEqual({ limit: '50' })
  })
})

describe('emptyKind()', () => {
  test('nothing at all, nothing left to do, or nothing that matches', () => {
    expect(emptyKind(noFilters, false)).toBe('none-yet')
    expect(emptyKind({ ...noFilters, status: 'open' }, true)).toBe('all-done')
    expect(emptyKind({ ...noFilters, overdue: true }, true)).toBe('all-done')
    expect(emptyKind({ ...noFilters, status: 'resolved' }, true)).toBe('no-match')
  })
})
