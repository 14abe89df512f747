import { percent } from '../../lib/format'
import { audienceLabel, formatDate, waveStateLabel } from '../ui/labels'
import { StateBadge } from '../ui/StateBadge'
import type { WaveSummary } from '../shell/api-types'

type Props = { waves: readonly WaveSummary[]; onChoose: (id: string) => void }

/** Step one: open waves can be chosen; the others are listed so nobody wonders where they went. */
export function WavePicker({ waves, onChoose }: Props) {
  // Employee answers are anonymous: nobody keys them in a named employee's name (SPEC §6a).
  const takes = (w: WaveSummary) => w.state === 'open' && w.audience !== 'employee'
  const open = waves.filter(takes)
  const others = waves.filter((w) => !takes(w))
  const employee = others.some((w) => w.audience === 'employee')
  return (
    <section aria-labelledby="wave-choice-title">
      <h2 id="wave-choice-title">Choose a wave</h2>
      {open.length === 0 ? (
        <div className="notice notice--info">
          <h3 className="notice__title">No open waves</h3>
          <p>Interviews are keyed into an open wave. Create one from the command line:</p>
          <pre>
            <code>npx csi wave create --survey customer --name "Spring 2026" --json</code>
          </pre>
        </div>
      ) : (
        <ul className="wave-list">
          {open.map((w) => (
            <li key={w.id}>
              <button type="button" className="wave-option" onClick={() => onChoose(w.id)}>
                <WaveFacts wave={w} />
                <span className="wave-option__cta" aria-hidden="true">
                  Interview contacts →
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h3 className="subhead">Not taking interviews</h3>
          <p className="muted">
            Closed waves and waves that have not opened yet.
            {employee &&
              ' Employee surveys are answered only through each employee’s own link, so their answers stay anonymous.'}
          </p>
          <ul className="wave-list">
            {others.map((w) => (
              <li key={w.id}>
                <div className="wave-option wave-option--disabled">
                  <WaveFacts wave={w} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function WaveFacts({ wave }: { wave: WaveSummary }) {
  const closes = formatDate(wave.closesAt)
  const opens = formatDate(wave.opensAt)
  return (
    <>
      <span className="wave-option__head">
        <span className="wave-option__name">{wave.name}</span>
        <StateBadge tone={wave.state}>{waveStateLabel[wave.state]}</StateBadge>
      </span>
      <span className="wave-option__facts">
        <span>{audienceLabel(wave.audience)} survey</span>
        <span>
          {wave.invitations.responded} of {wave.invitations.invited} responded
          {wave.responseRate ? ` (${percent(wave.responseRate.rr1)})` : ''}
        </span>
        {wave.state === 'not-yet-open' && opens && <span>Opens {opens}</span>}
        {/* A closed wave may have been closed early: its planned date would mislead. */}
        {wave.state === 'open' && closes && <span>Closes {closes}</span>}
      </span>
    </>
  )
}
