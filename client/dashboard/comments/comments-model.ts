import type { InferResponseType } from 'hono/client'
import type { api } from '../../api'

export type CommentsPage = InferResponseType<(typeof api.api.waves)[':id']['comments']['$get'], 200>
export type CommentBand = CommentsPage['bands'][number]
export type BandKey = CommentBand['band']
export type Comment = CommentBand['comments'][number]

export const bandOrder: readonly BandKey[] = ['concern', 'adequate', 'strength', 'unrated']

export const bandLabel: Record<BandKey, string> = {
  concern: 'Concern',
  adequate: 'Adequate',
  strength: 'Strength',
  unrated: 'Not rated',
}

/** What each band holds, in words (the report's cut-offs, on /10). */
export const bandMeaning: Record<BandKey, string> = {
  concern: 'below 7 /10 (serious concern)',
  adequate: '7 to under 8 /10 (adequate, needs attention)',
  strength: '8 /10 or more (market-leader level)',
  unrated: 'not rated',
}

/** The bands in page order (Concern → Not rated), whatever order the server sent them in. */
export function orderedBands(page: CommentsPage): CommentBand[] {
  return bandOrder.map(
    (band) =>
      page.bands.find((b) => b.band === band) ?? {
        band,
        count: 0,
        suppressed: false,
        reason: null,
        comments: [],
      },
  )
}

/** A later page ("Load more") appended to what is shown: comments and counts add up. */
export function mergePages(shown: CommentsPage, next: CommentsPage): CommentsPage {
  return {
    ...next,
    total: shown.total,
    bands: bandOrder.flatMap((band) => {
      const a = shown.bands.find((b) => b.band === band)
      const b = next.bands.find((x) => x.band === band)
      if (!a || !b) return a ?? b ?? []
      const suppressed = a.suppressed || b.suppressed
      return {
        band,
        suppressed,
        reason: a.reason ?? b.reason,
        count: a.count === null || b.count === null ? null : a.count + b.count,
        comments: [...a.comments, ...b.comments],
      }
    }),
  }
}

/** Lower case without accents, so "cafe" finds "Café". */
export const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** The comments whose text (or question) contains every word of the filter. */
export function filterComments(comments: readonly Comment[], filter: string): Comment[] {
  const words = fold(filter).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...comments]
  return comments.filter((c) => {
    const hay = fold(`${c.text} ${c.question}`)
    return words.every((w) => hay.includes(w))
  })
}

/** How many comments are loaded, in all bands that are shown. */
export const loadedCount = (page: CommentsPage) =>
  page.bands.reduce((sum, b) => sum + b.comments.length, 0)

/** What an anonymous (employee) comments page shows: one wave-wide list, or why there is none. */
export type StaffView =
  | { kind: 'unreleased' }
  | { kind: 'withheld' }
  | { kind: 'none' }
  | { kind: 'shown'; comments: Comment[] }

/**
 * The server sends an employee wave's comments wave-wide, unrated and alphabetical (SPEC §6a),
 * in one band: the page lists them as one, or says why it cannot.
 */
export function staffView(page: CommentsPage): StaffView {
  if (page.release && page.release.seq === null) return { kind: 'unreleased' }
  if (page.bands.some((b) => b.suppressed)) return { kind: 'withheld' }
  const comments = bandOrder.flatMap(
    (band) => page.bands.find((b) => b.band === band)?.comments ?? [],
  )
  return comments.length === 0 ? { kind: 'none' } : { kind: 'shown', comments }
}
