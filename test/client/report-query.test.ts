import { describe, expect, test } from 'vitest'
import {
  apiQuery,
  defaultCsiOf,
  pageSearch,
  readReportState,
} from '../../client/dashboard/report/report-query'

const peers = [
  { id: 'w-whole1', audience: 'wholesaler' },
  { id: 'w-whole2', audience: 'wholesaler' },
  { id: 'w-retail', audience: 'retailer' },
]
const known = { segments: ['region', 'customer_size'], peers }
const read = (q: string) => readReportState(new URLSearchParams(q), known)

describe('readReportState()', () => {
  test('no query: the defaults', () => {
    expect(read('')).toEqual({ csi: 'overall-rebuy', scale: 'linear', by: [], with: [] })
  })
  test('known values are kept', () => {
    expect(read('csi=weighted&scale=anchored10&by=region,customer_size&with=w-whole1')).toEqual({
      csi: 'weighted',
      scale: 'anchored10',
      by: ['region', 'customer_size'],
      with: ['w-whole1'],
    })
  })
  test('unknown values fall back or are dropped, so an edited link still opens', () => {
    expect(read('csi=nps&scale=log&by=shoe_size,region,region&with=w-nope')).toEqual({
      csi: 'overall-rebuy',
      scale: 'linear',
      by: ['region'],
      with: [],
    })
  })
  test('waves of several audiences may sit side by side; duplicates are dropped', () => {
    expect(read('with=w-whole2,w-retail,w-whole1,w-whole2').with).toEqual([
      'w-whole2',
      'w-retail',
      'w-whole1',
    ])
  })
})

describe('defaultCsiOf()', () => {
  test('employee surveys ask no re-buy question: their index opens as overall', () => {
    expect(defaultCsiOf('employee')).toBe('overall')
    expect(defaultCsiOf('customer')).toBe('overall-rebuy')
    const q = new URLSearchParams('')
    expect(readReportState(q, known, defaultCsiOf('employee')).csi).toBe('overall')
    expect(
      pageSearch({ csi: 'overall', scale: 'linear', by: [], with: [] }, defaultCsiOf('employee')),
    ).toBe('')
    expect(pageSearch({ csi: 'overall-rebuy', scale: 'linear', by: [], with: [] }, 'overall')).toBe(
      'csi=overall-rebuy',
    )
  })
})

describe('pageSearch()', () => {
  test('defaults are left out of the address', () => {
    expect(pageSearch({ csi: 'overall-rebuy', scale: 'linear', by: [], with: [] })).toBe('')
  })
  test('round-trips through readReportState()', () => {
    const s = {
      csi: 'overall' as const,
      scale: 'proportional' as const,
      by: ['region'],
      with: ['w-whole1', 'w-whole2'],
    }
    expect(pageSearch(s)).toBe('csi=overall&scale=proportional&by=region&with=w-whole1%2Cw-whole2')
    expect(read(pageSearch(s))).toEqual(s)
  })
})

describe('apiQuery()', () => {
  test('adds compare=<their audience>:<this audience> when waves are set beside', () => {
    const s = {
      csi: 'overall-rebuy' as const,
      scale: 'linear' as const,
      by: ['region'],
      with: ['w-whole1'],
    }
    expect(apiQuery(s, 'customer', peers)).toEqual({
      by: 'region',
      with: 'w-whole1',
      compare: 'wholesaler:customer',
    })
  })
  test('one compare pair per other audience, waves of one audience pooled', () => {
    const s = {
      csi: 'overall-rebuy' as const,
      scale: 'linear' as const,
      by: [],
      with: ['w-whole1', 'w-retail', 'w-whole2'],
    }
    expect(apiQuery(s, 'customer', peers)).toEqual({
      with: 'w-whole1,w-retail,w-whole2',
      compare: 'wholesaler:customer,retailer:customer',
    })
  })
  test('defaults send nothing', () => {
    expect(
      apiQuery({ csi: 'overall-rebuy', scale: 'linear', by: [], with: [] }, 'customer', peers),
    ).toEqual({})
  })
})

describe('the programme’s scale as the default', () => {
  const known = { segments: [], peers }
  test('an address without scale reads the programme’s; it is left out of the URL and the API query', () => {
    const s = readReportState(new URLSearchParams(''), known, 'overall-rebuy', 'proportional')
    expect(s.scale).toBe('proportional')
    expect(pageSearch(s, 'overall-rebuy', 'proportional')).toBe('')
    expect(apiQuery(s, 'customer', peers, 'proportional')).toEqual({})
  })
  test('choosing linear under a proportional programme is sent, so the API does not apply its own', () => {
    const s = readReportState(
      new URLSearchParams('scale=linear'),
      known,
      'overall-rebuy',
      'proportional',
    )
    expect(s.scale).toBe('linear')
    expect(pageSearch(s, 'overall-rebuy', 'proportional')).toBe('scale=linear')
    expect(apiQuery(s, 'customer', peers, 'proportional')).toEqual({ scale: 'linear' })
  })
})
