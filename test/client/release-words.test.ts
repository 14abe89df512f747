import { describe, expect, test } from 'vitest'
import type { Release } from '../../client/dashboard/waves/release-words'
import { releaseState, releaseWords } from '../../client/dashboard/waves/release-words'

const release = (extra: Partial<Release> = {}): Release => ({
  seq: 2,
  responses: 40,
  releasedAt: '2026-11-20T10:00:00.000Z',
  final: false,
  pending: false,
  minGroup: 5,
  closesAt: '2026-12-15T23:59:59.000Z',
  ...extra,
})

const date = (iso: string) => iso.slice(0, 10)
const words = (r: Release, group: string | null = 'department', received = 47) =>
  releaseWords(r, { group, received, date })

describe('releaseWords()', () => {
  test('nothing released: how many are waiting, and what brings the first release', () => {
    const r = release({ seq: null, responses: 0, releasedAt: null, pending: true })
    expect(releaseState(r)).toBe('none')
    const w = words(r, 'department', 3)
    expect(w.title).toBe('No results released yet')
    expect(w.lines[0]).toBe('3 responses received so far, none of them released yet.')
    expect(w.lines[1]).toBe(
      'Staff results are released in batches, never one response at a time. The first batch comes once at least 5 staff have answered, and each department with answers has at least 5, or when the wave closes on 2026-12-15, whichever comes first.',
    )
    expect(w.lines[2]).toMatch(/no result can be traced to one person/)
  })
  test('nothing released and no answers, on a wave without a close date or breakdown', () => {
    const r = release({ seq: null, responses: 0, releasedAt: null, closesAt: null })
    const w = words(r, null, 0)
    expect(w.lines[0]).toBe('No staff have answered yet.')
    expect(w.lines[1]).toContain('at least 5 staff have answered, or when the wave is closed')
  })
  test('pending: newer answers held back until k more in every group, or the close', () => {
    const r = release({ pending: true })
    expect(releaseState(r)).toBe('pending')
    const w = words(r)
    expect(w.title).toBe('Results released on 2026-11-20: 40 responses')
    expect(w.lines).toEqual([
      'Newer responses are held back until at least 5 more have arrived in every group with new answers (the whole wave, and each department), or until the wave closes on 2026-12-15, so that no change can be traced to one person.',
    ])
  })
  test('current: everything so far is in, and when the next batch comes', () => {
    const w = words(release({ responses: 1 }), null)
    expect(w.title).toBe('Results released on 2026-11-20: 1 response')
    expect(w.lines[0]).toMatch(/^Every response received so far is included/)
    expect(w.lines[0]).toContain('at least 5 more have arrived in the wave')
  })
  test('final: the wave closed and the results will not change', () => {
    const r = release({ final: true, seq: 4, responses: 52 })
    expect(releaseState(r)).toBe('final')
    const w = words(r)
    expect(w.title).toBe('Final results (wave closed)')
    expect(w.lines[0]).toBe(
      'Released on 2026-11-20: 52 responses, every response to this wave. These results will not change.',
    )
  })
})
