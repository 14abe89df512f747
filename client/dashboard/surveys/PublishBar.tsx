import type { ApiFailure } from '../../api'
import { surveyHref } from '../shell/routes'
import { Link } from '../ui/Link'

type Props = {
  error: ApiFailure | null
  busy: boolean
  /** The check passed: nothing stops publishing. */
  ready: boolean
  /** Why the button waits, in words ('' when ready). */
  why: string
  label: string
  cancelTo: string
}

/** Publish and Cancel, why Publish waits, and why the server refused, if it did. */
export function PublishBar({ error, busy, ready, why, label, cancelTo }: Props) {
  const refused = error?.issues ?? []
  // An id in use: the server says "A survey <id> exists"; the way on is a new version of it.
  const taken =
    error?.code === 'CONFLICT' ? /survey (\S+) exists/.exec(error.message)?.[1] : undefined
  return (
    <div className="publish-bar">
      {error && (
        <div className="form-error" role="alert">
          {taken ? (
            <p>
              There is already a survey “{taken}”. Give this one another id, or{' '}
              <Link to={surveyHref(taken, true)}>publish the file as a new version of it</Link>.
            </p>
          ) : (
            <p>{refused.length > 0 ? 'The survey was not published:' : error.message}</p>
          )}
          {refused.length > 0 && (
            <ul>
              {refused.map((i) => (
                <li key={i.path + i.message}>
                  <strong>{i.path}</strong>: {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button"
          aria-describedby="publish-why"
          disabled={!ready || busy}
        >
          {busy ? 'Publishing…' : label}
        </button>
        <Link to={cancelTo} className="button button--quiet">
          Cancel
        </Link>
        <p id="publish-why" className="muted publish-why" role="status">
          {why}
        </p>
      </div>
    </div>
  )
}
