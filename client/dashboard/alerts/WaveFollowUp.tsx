import { useState } from 'react'
import { Link } from '../ui/Link'
import type { WaveSummary } from '../shell/api-types'
import { filtersHref, noFilters } from './alert-filters'
import { RulesDialog } from './RulesDialog'
import './follow-up-rules.css'

/** A wave row's follow-ups: how many are waiting (a link to them) and, while open, its rules. */
export function WaveFollowUp({ wave }: { wave: WaveSummary }) {
  const [open, setOpen] = useState(false)
  const { open: waiting, inProgress } = wave.alerts
  const href = filtersHref({ ...noFilters, wave: wave.id, status: 'open' })
  if (wave.state === 'closed' && waiting + inProgress === 0) return null
  return (
    <div className="wave-follow-up">
      {waiting > 0 ? (
        <Link to={href} className="wave-follow-up__count">
          {waiting} open follow-up{waiting === 1 ? '' : 's'}
          <span className="visually-hidden"> for {wave.name}</span>
        </Link>
      ) : (
        inProgress > 0 && (
          <Link to={filtersHref({ ...noFilters, wave: wave.id })}>
            {inProgress} follow-up{inProgress === 1 ? '' : 's'} in progress
            <span className="visually-hidden"> for {wave.name}</span>
          </Link>
        )
      )}
      {/* A closed wave takes no more responses: its rules no longer matter. */}
      {wave.state !== 'closed' && (
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => setOpen(true)}
        >
          Follow-up rules<span className="visually-hidden"> for {wave.name}</span>
        </button>
      )}
      {open && <RulesDialog wave={wave} onClose={() => setOpen(false)} />}
    </div>
  )
}
