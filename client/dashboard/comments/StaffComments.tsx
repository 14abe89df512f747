import { useState } from 'react'
import { api, readError } from '../../api'
import { humanizeKey } from '../../lib/format'
import type { WaveDetail } from '../shell/api-types'
import { LoadFailed, Notice } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { ReleasePanel } from '../waves/ReleasePanel'
import { CommentFilter } from './CommentFilter'
import { COMMENTS_STEP, ShowMore } from './ShowMore'
import type { Comment } from './comments-model'
import { filterComments, staffView } from './comments-model'

/** An employee wave's comments: one anonymous list from the release, or why it is withheld. */
export function StaffComments({ detail }: { detail: WaveDetail }) {
  const id = detail.wave.id
  const [filter, setFilter] = useState('')
  const load = useLoad(
    async (signal) => {
      const res = await api.api.waves[':id'].comments.$get(
        { param: { id }, query: {} },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [id],
  )
  if (load.error && !load.data)
    return <LoadFailed what="comments" error={load.error} reload={load.reload} />
  if (!load.data)
    return (
      <p className="muted" aria-busy="true">
        Loading the comments…
      </p>
    )
  const page = load.data
  const view = staffView(page)
  const min = page.minComments ?? 10
  const segment = detail.labels.segments[0]
  return (
    <div className="results__body comments__body">
      <Notice tone="info" title="Staff comments are anonymous">
        <ul>
          <li>
            Shown for the whole wave only, never by{' '}
            {segment ? humanizeKey(segment.key).toLowerCase() : 'group'} or beside a rating: either
            could tie a comment to the person who wrote it.
          </li>
          <li>In alphabetical order, without names, dates or ratings.</li>
          <li>
            Only once at least {min} staff have commented: a few comments are easy to trace back to
            their writers.
          </li>
          <li>Only from the released results: newer comments appear with the next release.</li>
        </ul>
      </Notice>
      {page.release && (
        <ReleasePanel
          release={page.release}
          group={segment ? humanizeKey(segment.key).toLowerCase() : null}
          received={detail.wave.responses}
        />
      )}
      {view.kind === 'withheld' && (
        <Notice tone="info" title="Comments withheld">
          <p>
            Fewer than {min} staff have commented in the released results, so no comment is shown.
            They appear once at least {min} have commented. If fewer have by the time the wave
            closes, this wave’s comments are never shown.
          </p>
        </Notice>
      )}
      {view.kind === 'none' && (
        <Notice tone="info" title="No comments yet">
          <p>None of the released responses has a comment so far.</p>
        </Notice>
      )}
      {view.kind === 'shown' && (
        <section className="results-toolbar comments-toolbar" aria-label="Comment options">
          <CommentFilter filter={filter} onChange={setFilter} />
        </section>
      )}
      {view.kind === 'shown' && (
        <CommentList
          comments={view.comments}
          writers={page.total}
          filter={filter}
          question={page.questions.length === 1 ? page.questions[0]!.label : null}
        />
      )}
    </div>
  )
}

function CommentList(p: {
  comments: Comment[]
  writers: number
  filter: string
  /** The one comment question, when there is only one: named once, not on every comment. */
  question: string | null
}) {
  const [limit, setLimit] = useState(COMMENTS_STEP)
  const shown = filterComments(p.comments, p.filter)
  const filtering = p.filter.trim() !== ''
  const rest = shown.length - limit
  const n = p.comments.length
  return (
    <section className="comments-panel staff-comments" aria-labelledby="staff-comments-title">
      <h2 id="staff-comments-title" className="comments-panel__title">
        All staff comments
      </h2>
      <p className="comments-summary" role="status">
        {n} {n === 1 ? 'comment' : 'comments'} from {p.writers} staff, in alphabetical order
        {filtering && `; ${shown.length} matching “${p.filter.trim()}”`}.
      </p>
      {p.question && <p className="comments-panel__question">Answers to “{p.question}”</p>}
      {shown.length === 0 ? (
        <p className="muted">No comment matches “{p.filter.trim()}”.</p>
      ) : (
        <ul className="comments-list">
          {shown.slice(0, limit).map((c, i) => (
            <li key={i} className="comment">
              <blockquote className="comment__text">
                <p>{c.text}</p>
              </blockquote>
              {!p.question && (
                <p className="comment__meta">
                  <span className="comment__question">{c.question}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <ShowMore rest={rest} onMore={() => setLimit((l) => l + COMMENTS_STEP)} />
    </section>
  )
}
