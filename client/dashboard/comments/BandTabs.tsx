import type { KeyboardEvent } from 'react'
import { useState } from 'react'
import { formatDate } from '../ui/labels'
import type { BandKey, Comment, CommentBand } from './comments-model'
import { bandLabel, bandMeaning, filterComments } from './comments-model'
import { COMMENTS_STEP, ShowMore } from './ShowMore'

type Props = {
  bands: CommentBand[]
  filter: string
  byLabel: string
  anonymous: boolean
  /** The one comment question, when there is only one: named once, not on every comment. */
  question: string | null
}

/** Comments shown at once per band; a long band reveals more on request. */

const tabId = (b: BandKey) => `comments-tab-${b}`
const panelId = (b: BandKey) => `comments-panel-${b}`

/** Concern → Adequate → Strength → Not rated as tabs (arrow keys move between them). */
export function BandTabs({ bands, filter, byLabel, anonymous, question }: Props) {
  const [active, setActive] = useState<BandKey>(
    () => bands.find((b) => b.comments.length > 0)?.band ?? 'concern',
  )
  const filtering = filter.trim() !== ''
  const shown = new Map(bands.map((b) => [b.band, filterComments(b.comments, filter)]))

  const onKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    const i = bands.findIndex((b) => b.band === active)
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % bands.length
        : e.key === 'ArrowLeft'
          ? (i - 1 + bands.length) % bands.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? bands.length - 1
              : null
    if (to === null) return
    e.preventDefault()
    const band = bands[to]!.band
    setActive(band)
    document.getElementById(tabId(band))?.focus()
  }

  return (
    <div className="comments-bands">
      <div role="tablist" aria-label="Comments by rating band" className="comments-tabs">
        {bands.map((b) => {
          const count = b.suppressed
            ? 'withheld'
            : filtering
              ? `${shown.get(b.band)!.length} of ${b.count ?? 0}`
              : String(b.count ?? 0)
          return (
            <button
              key={b.band}
              type="button"
              role="tab"
              id={tabId(b.band)}
              aria-selected={b.band === active}
              aria-controls={panelId(b.band)}
              tabIndex={b.band === active ? 0 : -1}
              className={`comments-tab comments-tab--${b.band}`}
              onClick={() => setActive(b.band)}
              onKeyDown={onKey}
            >
              <span className="comments-tab__name">{bandLabel[b.band]}</span>
              <span className="comments-tab__count">{count}</span>
            </button>
          )
        })}
      </div>
      {bands.map((b) => (
        <section
          key={b.band}
          role="tabpanel"
          id={panelId(b.band)}
          aria-labelledby={tabId(b.band)}
          hidden={b.band !== active}
          tabIndex={0}
          className={`comments-panel comments-panel--${b.band}`}
          data-band={b.band}
        >
          <h2 className="comments-panel__title">
            {bandLabel[b.band]}{' '}
            <span className="comments-panel__meaning">
              {b.band === 'unrated'
                ? `No rating given for “${byLabel}”`
                : `Rating of “${byLabel}”: ${bandMeaning[b.band]}`}
            </span>
          </h2>
          {question && <p className="comments-panel__question">Answers to “{question}”</p>}
          <BandPanel
            band={b}
            comments={shown.get(b.band)!}
            filter={filtering ? filter.trim() : null}
            anonymous={anonymous}
            question={question}
          />
        </section>
      ))}
    </div>
  )
}

function BandPanel(p: {
  band: CommentBand
  comments: Comment[]
  filter: string | null
  anonymous: boolean
  question: string | null
}) {
  const [limit, setLimit] = useState(COMMENTS_STEP)
  if (p.band.suppressed)
    return (
      <p className="comments-withheld">
        <strong>Withheld.</strong> {p.band.reason}. It appears once the band holds enough comments.
      </p>
    )
  if (p.band.comments.length === 0) return <p className="muted">No comments in this band.</p>
  if (p.comments.length === 0)
    return <p className="muted">No comment in this band matches “{p.filter}”.</p>
  const rest = p.comments.length - limit
  return (
    <>
      <ul className="comments-list">
        {p.comments.slice(0, limit).map((c, i) => (
          <li key={c.id ?? i} className="comment">
            <blockquote className="comment__text">
              <p>{c.text}</p>
            </blockquote>
            <p className="comment__meta">
              {!p.question && <span className="comment__question">{c.question}</span>}
              <span className="comment__rating">
                {c.rating === null ? 'Not rated' : `Rated ${c.rating} of 5`}
              </span>
              {!p.anonymous && c.submittedAt && (
                <span className="comment__date">{formatDate(c.submittedAt)}</span>
              )}
            </p>
          </li>
        ))}
      </ul>
      <ShowMore
        rest={rest}
        onMore={() => setLimit((l) => l + COMMENTS_STEP)}
        where=" in this band"
      />
    </>
  )
}
