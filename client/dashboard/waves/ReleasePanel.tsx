import { formatDate } from '../ui/labels'
import { Link } from '../ui/Link'
import type { Release } from './release-words'
import { releaseState, releaseWords } from './release-words'
import './release.css'

type Props = {
  release: Release
  /** The one breakdown in a sentence ("department"), or null. */
  group: string | null
  received: number
}

/** Which release of an employee wave the page shows, and why newer answers may be held back. */
export function ReleasePanel({ release, group, received }: Props) {
  const state = releaseState(release)
  const words = releaseWords(release, { group, received, date: (iso) => formatDate(iso) ?? iso })
  return (
    <section
      className={`release release--${state}`}
      aria-labelledby="release-title"
      data-release={state}
    >
      <h2 id="release-title" className="release__title">
        {words.title}
      </h2>
      {words.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      <p className="release__setting">
        {release.minGroup} is the programme’s anonymity threshold:{' '}
        <Link to="/settings">see the anonymity settings</Link>.
      </p>
    </section>
  )
}
