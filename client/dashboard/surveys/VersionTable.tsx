import { waveHref } from '../shell/routes'
import { Link } from '../ui/Link'
import { formatDate } from '../ui/labels'
import type { VersionSummary } from './survey-api'
import { exportHref } from './survey-api'

type Props = {
  /** The waves on each version, by version, when the wave list has loaded. */
  wavesOn: Map<number, { id: string; name: string }[]> | null
  surveyId: string
  versions: VersionSummary[]
  current: number
  previewing: number
  onPreview: (version: number) => void
}

function Waves({ count, list }: { count: number; list?: { id: string; name: string }[] }) {
  if (count === 0) return <>None</>
  if (!list || list.length === 0) return <>{`${count} ${count === 1 ? 'wave' : 'waves'}`}</>
  return (
    <ul className="inline-list">
      {list.map((w) => (
        <li key={w.id}>
          <Link to={waveHref(w.id)}>{w.name}</Link>
        </li>
      ))}
    </ul>
  )
}

/** Every version of a survey, newest first: the waves that pin it, a preview, a download. */
export function VersionTable(props: Props) {
  const { surveyId, versions, current, previewing, onPreview, wavesOn } = props
  const newestFirst = [...versions].sort((a, b) => b.version - a.version)
  return (
    <table className="data-table data-table--card version-table">
      <caption className="visually-hidden">Versions</caption>
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">Published</th>
          <th scope="col">Waves on it</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {newestFirst.map((v) => (
          <tr key={v.version}>
            <th scope="row" data-label="Version">
              Version {v.version}
              {v.version === current && <span className="badge badge--open">Current</span>}
            </th>
            <td data-label="Published">{formatDate(v.createdAt)}</td>
            <td data-label="Waves on it">
              <Waves count={v.waves} list={wavesOn?.get(v.version)} />
            </td>
            <td className="version-table__actions">
              <button
                type="button"
                className="button button--quiet button--small"
                aria-pressed={previewing === v.version}
                onClick={() => onPreview(v.version)}
              >
                Preview<span className="visually-hidden"> version {v.version}</span>
              </button>
              <a
                className="button button--quiet button--small"
                href={exportHref(surveyId, v.version)}
                download={`${surveyId}-v${v.version}.json`}
              >
                Download JSON<span className="visually-hidden"> of version {v.version}</span>
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
