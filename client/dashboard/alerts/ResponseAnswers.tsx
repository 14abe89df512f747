import type { AlertDetail } from './alert-api'
import type { Rating } from './alert-response'
import { responseView } from './alert-response'

type Props = {
  response: AlertDetail['response']
  labels: AlertDetail['labels']
  reasons: readonly string[]
}

/**
 * The response as a readable list. Free text is the respondent's own: it is rendered as React
 * text only, so markup in it shows as typed and never runs.
 */
export function ResponseAnswers({ response, labels, reasons }: Props) {
  const view = responseView(response.answers as Record<string, unknown>, labels, reasons)
  return (
    <section className="card alert-answers" aria-labelledby="alert-answers-title">
      <h2 id="alert-answers-title">Their answers</h2>
      {view.comments.length > 0 && (
        <div className="alert-answers__comments">
          {view.comments.map((c) => (
            <figure key={c.key} className="alert-quote">
              <figcaption>{c.label}</figcaption>
              <blockquote>
                <p>{c.text}</p>
              </blockquote>
            </figure>
          ))}
        </div>
      )}
      <h3 className="alert-answers__head">Ratings, from 1 (lowest) to 5 (highest)</h3>
      <Ratings items={[...view.ratings, ...view.attributes]} />
      {view.about.length > 0 && (
        <>
          <h3 className="alert-answers__head">About them</h3>
          <dl className="alert-about">
            {view.about.map((s) => (
              <div key={s.key}>
                <dt>{s.label}</dt>
                <dd>{s.value}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  )
}

function Ratings({ items }: { items: readonly Rating[] }) {
  return (
    <ul className="alert-ratings">
      {items.map((r) => (
        <li key={r.key} className={r.flagged ? 'alert-rating alert-rating--low' : 'alert-rating'}>
          <span className="alert-rating__label">{r.label}</span>
          <span className="alert-rating__value">
            {r.value === null ? (
              <span className="muted">Not answered</span>
            ) : (
              <>
                <Dots value={r.value} />
                <span>
                  {r.value} of 5
                  {r.flagged && <strong className="alert-rating__flag"> · low score</strong>}
                </span>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** Five dots, the score's filled: a picture of the number beside it, hidden from readers. */
function Dots({ value }: { value: number }) {
  return (
    <span className="alert-dots" aria-hidden="true">
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={n <= value ? 'alert-dot alert-dot--on' : 'alert-dot'} />
      ))}
    </span>
  )
}
