import type { Band, ScaleMapping } from '../../reports'
import { band, toScore10 } from '../../reports'
import { anonymityThresholds } from '../db/anonymity-settings'
import { programmeBands } from '../db/band-settings'
import type { Store } from '../db/client'
import { countCommentedResponses, listCommentedResponses } from '../db/comments'
import type { loadWaveSurvey } from '../db/wave-survey'
import { ratingsOf } from '../surveys'
import { isAnonymous } from '../surveys/audiences'
import { reportLabels } from '../surveys/report-labels'
import { releasedRows } from './released-results'

export const bandOrder = ['concern', 'adequate', 'strength', 'unrated'] as const
type CommentBand = Band | 'unrated'
type Comment = {
  text: string
  question: string
  rating: number | null
  id: string | null
  submittedAt: string | null
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadWaveSurvey>>>

/** How many commented responses one page reads at most (newest first). */
export const COMMENTS_PAGE = 500

/**
 * A wave's verbatims grouped by the band of the respondent's rating of one item (`overall` or an
 * attribute), newest first. Employee waves are anonymous (SPEC §6a): their comments are read
 * from the latest release only, wave-wide (never grouped by a rating, which would tie a text to
 * its writer's scores), in alphabetical order, without dates or ids, and only when at least the
 * programme's comment threshold of people commented (METHODOLOGY §7.2 rule 2).
 */
export async function waveComments(
  store: Store,
  loaded: Loaded,
  opts: { by: string; scale?: ScaleMapping; before: number | null },
) {
  const { db } = store
  const { wave, survey } = loaded
  const labels = reportLabels(survey.definition)
  const keys = labels.comments.map((c) => c.key)
  const questionLabel = Object.fromEntries(labels.comments.map((c) => [c.key, c.label]))
  const anonymous = isAnonymous(wave.audience)
  const thresholds = await anonymityThresholds(db)
  // Bands as the report draws them: the programme's cut-offs, its scale unless one is asked for.
  const programme = await programmeBands(db)
  const scale = opts.scale ?? programme.scale
  const release = anonymous
    ? (await releasedRows(store, loaded, thresholds.minGroup, new Date())).release
    : null
  const total = await countCommentedResponses(db, wave.id, keys, anonymous)
  // Anonymous comments cannot be paged: a page boundary would order them by submission.
  const limit = anonymous ? Math.max(total, 1) : COMMENTS_PAGE
  const rows = await listCommentedResponses(
    db,
    wave.id,
    keys,
    anonymous ? null : opts.before,
    limit,
    anonymous,
  )
  const groups = new Map<CommentBand, Comment[]>()
  for (const r of rows) {
    const ratings = anonymous ? null : ratingsOf(survey.definition, r.answers)
    const rating = !ratings
      ? null
      : opts.by === 'overall'
        ? ratings.overall
        : (ratings.attributes[opts.by] ?? null)
    const b: CommentBand = band(toScore10(rating, scale), programme) ?? 'unrated'
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
  const hidden = anonymous && total > 0 && total < thresholds.minComments
  const bands = bandOrder.map((b) => {
    const comments = groups.get(b) ?? []
    return {
      band: b,
      count: hidden ? null : comments.length,
      suppressed: hidden && comments.length > 0,
      reason:
        hidden && comments.length > 0
          ? `Fewer than ${thresholds.minComments} staff have commented: withheld to keep them anonymous`
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
    by: anonymous ? 'wave' : opts.by,
    items: anonymous
      ? []
      : [{ key: 'overall', label: 'Overall satisfaction' }, ...labels.attributes],
    questions: labels.comments,
    anonymous,
    release,
    minComments: anonymous ? thresholds.minComments : null,
    total,
    bands,
    next: !anonymous && rows.length === limit && last ? last.id : null,
  }
}
