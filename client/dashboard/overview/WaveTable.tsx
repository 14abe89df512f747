import { percent } from '../../lib/format'
import { audienceLabel, formatDate, waveStateLabel } from '../ui/labels'
import { Link } from '../ui/Link'
import { DeliveryProgress } from './DeliveryProgress'
import { WaveActions } from './WaveActions'
import { waveHref } from '../shell/routes'
import { StateBadge } from '../ui/StateBadge'
import type { WaveSummary } from '../shell/api-types'
import './overview.css'

// A date never breaks across lines ("Jan / 22, 2027"); the range may, at the dash.
const day = (iso: string | null) => formatDate(iso)?.replace(/ /g, '\u00a0') ?? null

function fieldwork(w: WaveSummary) {
  const from = day(w.opensAt ?? w.createdAt)
  const until = day(w.closedAt ?? w.closesAt)
  return until ? `${from} – ${until}` : `From ${from}, no close date`
}

/**
 * The waves this user runs: figures, email progress and actions. Each wave is a <tbody> of
 * two rows (figures, actions); on a phone each wave stacks into one card (overview.css).
 */
export function WaveTable(props: { waves: readonly WaveSummary[]; onChanged: () => void }) {
  return (
    <table className="data-table data-table--card overview-table">
      <thead>
        <tr>
          <th scope="col">Wave</th>
          <th scope="col">Audience</th>
          <th scope="col">State</th>
          <th scope="col">Fieldwork</th>
          <th scope="col" className="num">
            Invited
          </th>
          <th scope="col" className="num">
            Responded
          </th>
          <th scope="col" className="num">
            <abbr title="Response rate 1 (AAPOR): complete responses ÷ invitations">RR1</abbr>
          </th>
          <th scope="col">Email</th>
        </tr>
      </thead>
      {props.waves.map((w) => (
        <tbody key={w.id} className="overview-table__wave">
          <tr>
            <th scope="row" data-label="Wave">
              <Link to={waveHref(w.id)}>{w.name}</Link>
            </th>
            <td data-label="Audience">{audienceLabel(w.audience)}</td>
            <td data-label="State">
              <StateBadge tone={w.state}>{waveStateLabel[w.state]}</StateBadge>
            </td>
            <td data-label="Fieldwork">{fieldwork(w)}</td>
            <td data-label="Invited" className="num">
              {w.invitations.invited}
            </td>
            <td data-label="Responded" className="num">
              <span>
                {w.invitations.responded}
                {w.responses !== w.invitations.responded && (
                  // Open-link and keyed responses count here, not in the response rate.
                  <span className="cell-note">{w.responses} responses in all</span>
                )}
              </span>
            </td>
            <td data-label="RR1" className="num">
              {percent(w.responseRate?.rr1)}
            </td>
            <td data-label="Email">
              <DeliveryProgress delivery={w.delivery} />
            </td>
          </tr>
          <tr className="overview-table__actions">
            <td colSpan={8}>
              <WaveActions wave={w} onChanged={props.onChanged} />
            </td>
          </tr>
        </tbody>
      ))}
    </table>
  )
}
