import { percent } from '../../lib/format'
import type { WaveRules } from './alert-api'
import { durationText } from './alert-format'

/** How a wave's follow-ups are going: raised, resolved, and how soon someone acted. */
export function FollowUpFigures({ f }: { f: WaveRules['followUp'] }) {
  if (f.alerts === 0) return <p className="muted">No follow-ups raised in this wave yet.</p>
  return (
    <dl className="follow-up-figures">
      <div>
        <dt>Raised</dt>
        <dd>{f.alerts}</dd>
        <dd className="follow-up-figures__note">
          {f.open} open, {f.inProgress} in progress
        </dd>
      </div>
      <div>
        <dt>Resolved</dt>
        <dd>{percent(f.shareResolved)}</dd>
        <dd className="follow-up-figures__note">{f.resolved} of them</dd>
      </div>
      <div>
        <dt>Median time to first action</dt>
        <dd>
          {f.medianHoursToFirstAction === null ? '–' : durationText(f.medianHoursToFirstAction)}
        </dd>
        <dd className="follow-up-figures__note">
          {f.acted === 0 ? 'None acted on yet' : `Over the ${f.acted} acted on`}
        </dd>
      </div>
    </dl>
  )
}
