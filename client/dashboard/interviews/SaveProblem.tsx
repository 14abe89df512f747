import type { ApiFailure } from '../../api'
import { Notice } from '../ui/Notice'

type Props = {
  problem: ApiFailure
  who: string
  onEdit: () => void
  onLeave: (refresh: boolean) => void
  onChangeWave: () => void
}

/** Why a keyed interview was not stored, and the way forward that fits the reason. */
export function SaveProblem({ problem, who, onEdit, onLeave, onChangeWave }: Props) {
  if (problem.status === 400) {
    return (
      <Notice
        tone="error"
        title="Some answers need another look"
        action={{ label: 'Back to the answers', onClick: onEdit }}
      >
        <ul>
          {(problem.issues.length ? problem.issues : [{ path: '', message: problem.message }]).map(
            (issue, i) => (
              <li key={i}>{issue.message}</li>
            ),
          )}
        </ul>
      </Notice>
    )
  }
  if (problem.status === 409) {
    return (
      <Notice
        tone="error"
        title={`${who} has already responded`}
        action={{ label: 'Choose another contact', onClick: () => onLeave(true) }}
      >
        Each contact answers once per wave. {problem.message}
      </Notice>
    )
  }
  if (problem.status === 410 || problem.status === 403) {
    return (
      <Notice
        tone="error"
        title="This wave no longer takes interviews"
        action={{ label: 'Choose another wave', onClick: onChangeWave }}
      >
        {problem.message}
      </Notice>
    )
  }
  if (problem.status === 401) {
    return (
      <Notice tone="error" title="Your session has ended">
        <p>
          The answers are still here.{' '}
          <a href="/sign-in" target="_blank" rel="noopener">
            Sign in again in a new tab
          </a>
          , then come back and press <strong>Try again</strong> below.
        </p>
      </Notice>
    )
  }
  return (
    <Notice tone="error" title="The interview was not saved yet">
      {problem.message} The answers are still here: press <strong>Try again</strong> below.
    </Notice>
  )
}
