import { useState } from 'react'
import { navigate, useLocation } from '../shell/router'
import { waveHref } from '../shell/routes'
import type { WaveDetail } from '../shell/api-types'
import { CommentsBody } from './CommentsBody'
import './comments.css'

/** Verbatim comments, grouped by the band of the respondent's rating of one question. */
export function CommentsView({ detail }: { detail: WaveDetail }) {
  const { query } = useLocation()
  const id = detail.wave.id
  const items = [{ key: 'overall', label: 'Overall satisfaction' }, ...detail.labels.attributes]
  const asked = query.get('by')
  const by = items.find((i) => i.key === asked)?.key ?? 'overall'
  const byLabel = items.find((i) => i.key === by)!.label
  const [filter, setFilter] = useState('')

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
        <div className="results-control comments-filter">
          <label htmlFor="comments-filter">Filter the comments</label>
          <input
            id="comments-filter"
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder="e.g. delivery"
            aria-describedby="comments-filter-hint"
            autoComplete="off"
          />
          <span id="comments-filter-hint" className="comments-filter__hint">
            Searches the comments loaded on this page.
          </span>
        </div>
      </section>
      <CommentsBody key={by} id={id} by={by} byLabel={byLabel} filter={filter} />
    </div>
  )
}
