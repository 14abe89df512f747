import { humanizeKey } from '../../lib/format'
import { Notice } from '../ui/Notice'
import type { WaveDetail } from '../shell/api-types'
import type { ReportState } from './report-query'
import { csiName, scaleName } from './report-format'

/** A wave nobody has answered yet: what to do to get a report. */
export function EmptyReport({ detail }: { detail: WaveDetail }) {
  const { wave } = detail
  const invited = wave.invitations.invited
  return (
    <div className="results report">
      <Notice tone="info" title="No responses yet">
        <p>
          The report appears here as soon as the first answers arrive.{' '}
          {invited > 0
            ? `${invited} ${invited === 1 ? 'contact has' : 'contacts have'} been invited; reminders go out to those who have not answered.`
            : 'Nobody has been invited to this wave yet.'}
        </p>
        <p>To collect answers, from the command line:</p>
        <pre>
          <code>
            {invited > 0
              ? `npx csi remind --wave ${wave.id}`
              : `npx csi contacts import contacts.csv --wave ${wave.id}\nnpx csi invite --wave ${wave.id}`}
            {`\nnpx csi responses import answers.csv --wave ${wave.id}   # postal or keyed answers`}
          </code>
        </pre>
      </Notice>
    </div>
  )
}

/** Grey blocks the size of what is coming, so the page does not jump when it arrives. */
export function ReportSkeleton() {
  return (
    <div className="report-skeleton" aria-busy="true" aria-live="polite">
      <p className="visually-hidden">Loading the report…</p>
      <div className="skeleton skeleton--card" />
      <div className="skeleton skeleton--table" />
      <div className="skeleton skeleton--chart" />
    </div>
  )
}

/** On paper the controls are hidden: say which options the printed report used. */
export function PrintSummary({ state, detail }: { state: ReportState; detail: WaveDetail }) {
  const compared = detail.peers.compare.filter((p) => state.with.includes(p.id)).map((p) => p.name)
  const printed = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date())
  return (
    <p className="print-only print-summary">
      Index: {csiName[state.csi]} · Scale: {scaleName[state.scale]}
      {state.by.length > 0 &&
        ` · By ${state.by.map((k) => humanizeKey(k).toLowerCase()).join(', ')}`}
      {compared.length > 0 && ` · Compared with ${compared.join(', ')}`} · Printed {printed}
    </p>
  )
}
