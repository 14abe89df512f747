import type { Band, ScaleMapping } from '../../reports'
import { band, defaultMinComments, toScore10 } from '../../reports'
import { countCommentedResponses, listCommentedResponses } from '../db/comments'
import type { Db } from '../db/client'
import type { loadWaveSurvey } from '../db/wave-survey'
import { ratingsOf } from '../surveys'
import { isAnonymous } from '../surveys/audiences'
import { reportLabels } from '../surveys/report-labels'

export const bandOrder = ['concern', 'adequate', 'strength', 'unrated'] as const
type CommentBand = Band | 'unrated'

type Loaded = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** How many commented responses one page reads at most (newest first). */
export const COMMENTS_PAGE = 500

/**
 * A wave's verbatims grouped by the band of the respondent's rating of one item (`overall` or an
 * attribute), newest first. Employee waves are anonymous: comments only in bands with at least
 * 10 of them (METHODOLOGY §7.2 rule 2), without dates or ids, in alphabetical order.
 */
export async function waveComments(
  db: Db,
  { wave, survey }: Loaded,
  opts: { by: string; scale: ScaleMapping; before: number | null },
) {
  const labels = reportLabels(survey.definition)
  const keys = labels.comments.map((c) => c.key)
  const questionLabel = Object.fromEntries(labels.comments.map((c) => [c.key, c.label]))
  const anonymous = isAnonymous(wave.audience)
  const total = await countCommentedResponses(db, wave.id, keys)
  // Anonymous comments cannot be paged: a page boundary would order them by submission.
  const limit = anonymous ? Math.max(total, 1) : COMMENTS_PAGE
  const rows = await listCommentedResponses(
    db,
    wave.id,
    keys,
    anonymous ? null : opts.before,
    limit,
  )
  const groups = new Map<
    CommentBand,
    {
      text: string
      question: string
      rating: number | null
      id: string | null
      submittedAt: string | null
    }[]
  >()
  for (const r of rows) {
    const ratings = ratingsOf(survey.definition, r.answers)
    const rating = opts.by === 'overall' ? ratings.overall : (ratings.attributes[opts.by] ?? null)
    const b: CommentBand = band(toScore10(rating, opts.scale)) ?? 'unrated'
    for (const key of keys) {
      const text = r.answers[key]
      if (typeof text !== 'string' || !text.trim()) continue
      const list = groups.get(b) ?? []
      list.push({
        text: text.trim(),
        question: questionLabel[key] ?? key,
        rating,
        id: anonymous ? null : `r${r.id}`,
        submittedAt: anonymous ? null : r.submittedAt.toISOString(),
      })
      groups.set(b, list)
    }
  }
  const bands = bandOrder.map((b) => {
    const comments = groups.get(b) ?? []
    const hidden = anonymous && comments.length > 0 && comments.length < defaultMinComments
    return {
      band: b,
      count: hidden ? null : comments.length,
      suppressed: hidden,
      reason: hidden
        ? `Fewer than ${defaultMinComments} employee comments in this group: withheld to keep them anonymous`
        : null,
      comments: hidden
        ? []
        : anonymous
          ? comments.sort((x, y) => x.text.localeCompare(y.text))
          : comments,
    }
  })
  const last = rows[rows.length - 1]
  return {
    by: opts.by,
    items: [{ key: 'overall', label: 'Overall satisfaction' }, ...labels.attributes],
    questions: labels.comments,
    anonymous,
    total,
    bands,
    next: !anonymous && rows.length === limit && last ? last.id : null,
  }
}
