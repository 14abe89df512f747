import { useState } from 'react'
import { navigate, useLocation } from '../shell/router'
import { waveHref } from '../shell/routes'
import type { WaveDetail } from '../shell/api-types'
import { CommentFilter } from './CommentFilter'
import { CommentsBody } from './CommentsBody'
import { StaffComments } from './StaffComments'
import './comments.css'

/**
 * Verbatim comments, grouped by the band of the respondent's rating of one question; an
 * employee wave's in one anonymous list (SPEC §6a), which no rating may group.
 */
export function CommentsView({ detail }: { detail: WaveDetail }) {
  const { query } = useLocation()
  const id = detail.wave.id
  const items = [{ key: 'overall', label: 'Overall satisfaction' }, ...detail.labels.attributes]
  const asked = query.get('by')
  const by = items.find((i) => i.key === asked)?.key ?? 'overall'
  const byLabel = items.find((i) => i.key === by)!.label
  const [filter, setFilter] = useState('')

  if (detail.wave.audience === 'employee')
    return (
      <div className="results comments">
        <StaffComments detail={detail} />
      </div>
    )
  return (
    <div className="results comments">
      <section className="results-toolbar comments-toolbar" aria-label="Comment options">
        <div className="results-control">
          <label htmlFor="comments-by">Group by the rating of</label>
          <select
            id="comments-by"
            value={by}
            onChange={(e) =>
              navigate(
                waveHref(
                  id,
                  'comments',
                  e.target.value === 'overall' ? '' : `by=${encodeURIComponent(e.target.value)}`,
                ),
                { replace: true },
              )
            }
          >
            {items.map((i) => (
              <option key={i.key} value={i.key}>
                {i.label}
              </option>
            ))}
          </select>
        </div>
        <CommentFilter filter={filter} onChange={setFilter} />
      </section>
      <CommentsBody key={by} id={id} by={by} byLabel={byLabel} filter={filter} />
    </div>
  )
}
