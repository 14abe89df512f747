import { describe, expect, test } from 'vitest'
import type { Comment, CommentsPage } from '../../client/dashboard/comments/comments-model'
import {
  filterComments,
  loadedCount,
  mergePages,
  orderedBands,
  staffView,
} from '../../client/dashboard/comments/comments-model'

const comment = (text: string, id: string | null = null): Comment => ({
  text,
  question: 'Anything else?',
  rating: 3,
  id,
  submittedAt: id ? '2026-11-23T07:38:48.000Z' : null,
})

const page = (concern: Comment[], next: number | null, extra: Partial<CommentsPage> = {}) =>
  ({
    by: 'overall',
    items: [],
    questions: [{ key: 'comments', label: 'Anything else?' }],
    anonymous: false,
    total: 3,
    bands: [
      { band: 'strength', count: 1, suppressed: false, reason: null, comments: [comment('Great')] },
      {
        band: 'concern',
        count: concern.length,
        suppressed: false,
        reason: null,
        comments: concern,
      },
    ],
    next,
    ...extra,
  }) as CommentsPage

describe('comment bands', () => {
  test('always Concern → Adequate → Strength → Not rated, missing bands empty', () => {
    const bands = orderedBands(page([comment('Late', 'r3')], null))
    expect(bands.map((b) => [b.band, b.count])).toEqual([
      ['concern', 1],
      ['adequate', 0],
      ['strength', 1],
      ['unrated', 0],
    ])
  })
  test('Load more appends comments and adds up counts; next comes from the later page', () => {
    const merged = mergePages(page([comment('Late', 'r9')], 9), page([comment('Rude', 'r4')], null))
    const concern = merged.bands.find((b) => b.band === 'concern')!
    expect(concern.comments.map((c) => c.id)).toEqual(['r9', 'r4'])
    expect(concern.count).toBe(2)
    expect(merged.next).toBeNull()
    expect(loadedCount(merged)).toBe(4)
  })
})

describe('filterComments()', () => {
  const list = [comment('Delivery was late'), comment('Café staff were rude'), comment('Fine')]
  test('every word, any case, accents ignored', () => {
    expect(filterComments(list, 'LATE delivery').map((c) => c.text)).toEqual(['Delivery was late'])
    expect(filterComments(list, 'cafe').map((c) => c.text)).toEqual(['Café staff were rude'])
  })
  test('an empty filter keeps everything; the question text is searched too', () => {
    expect(filterComments(list, '  ')).toHaveLength(3)
    expect(filterComments(list, 'anything')).toHaveLength(3)
  })
})

describe('staffView()', () => {
  const release = (seq: number | null) => ({
    seq,
    responses: seq === null ? 0 : 30,
    releasedAt: seq === null ? null : '2026-11-20T10:00:00.000Z',
    final: false,
    pending: false,
    minGroup: 5,
    closesAt: null,
  })
  const staff = (band: Partial<CommentsPage['bands'][number]>, seq: number | null = 1) =>
    ({
      by: 'wave',
      items: [],
      questions: [{ key: 'comments', label: 'Anything else?' }],
      anonymous: true,
      release: release(seq),
      minComments: 10,
      total: 12,
      bands: [
        { band: 'concern', count: 0, suppressed: false, reason: null, comments: [] },
        { band: 'unrated', count: 0, suppressed: false, reason: null, comments: [], ...band },
      ],
      next: null,
    }) as CommentsPage
  test('nothing released yet', () => {
    expect(staffView(staff({}, null))).toEqual({ kind: 'unreleased' })
  })
  test('withheld under the comment threshold', () => {
    expect(staffView(staff({ suppressed: true, count: null }))).toEqual({ kind: 'withheld' })
  })
  test('released without comments', () => {
    expect(staffView(staff({}))).toEqual({ kind: 'none' })
  })
  test('one list in the order served (alphabetical)', () => {
    const comments = [comment('Better tools'), comment('More training')]
    expect(staffView(staff({ count: 2, comments }))).toEqual({ kind: 'shown', comments })
  })
})
