import { audienceLabel, percent, waveStateLabel } from './format'
import { StateBadge } from './StateBadge'
import type { WaveSummary } from './types'

/** The waves this user works on; on a phone each row stacks into a card (see dashboard.css). */
export function WaveTable({ waves }: { waves: readonly WaveSummary[] }) {
  return (
    <table className="wave-table">
      <thead>
        <tr>
          <th scope="col">Wave</th>
          <th scope="col">Audience</th>
          <th scope="col">State</th>
          <th scope="col" className="num">
            Invited
          </th>
          <th scope="col" className="num">
            Responded
          </th>
          <th scope="col" className="num">
            <abbr title="Response rate 1: complete responses ÷ invitations">RR1</abbr>
          </th>
        </tr>
      </thead>
      <tbody>
        {waves.map((w) => (
          <tr key={w.id}>
            <th scope="row" data-label="Wave">
              {w.name}
            </th>
            <td data-label="Audience">{audienceLabel(w.audience)}</td>
            <td data-label="State">
              <StateBadge tone={w.state}>{waveStateLabel[w.state]}</StateBadge>
            </td>
            <td data-label="Invited" className="num">
              {w.invitations.invited}
            </td>
            <td data-label="Responded" className="num">
              {w.invitations.responded}
            </td>
            <td data-label="RR1" className="num">
              {percent(w.responseRate?.rr1)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
