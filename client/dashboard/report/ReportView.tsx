import { useMemo } from 'react'
import { api, readError } from '../../api'
import { humanizeKey } from '../../lib/format'
import { LoadFailed } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import type { WaveDetail } from '../shell/api-types'
import { useLoad } from '../ui/use-load'
import { ReleasePanel } from '../waves/ReleasePanel'
import { getBands } from '../admin/settings-api'
import { ExportBar } from './ExportBar'
import { ReportBody } from './ReportBody'
import { ReportControls } from './ReportControls'
import {
  apiQuery,
  defaultCsiOf,
  pageSearch,
  readReportState,
  type ReportState,
} from './report-query'
import { totalOf } from './report-model'
import { EmptyReport, PrintSummary, ReportSkeleton } from './ReportStates'
import { WeightingPanel } from './WeightingPanel'
import type { WeightingPanelTotal as WeightingTotal } from './WeightingPanel'
import './report.css'
import './print.css'

/** A wave's CSI report; its options live in the address, so a link or a print shows the same. */
export function ReportView({ detail }: { detail: WaveDetail }) {
  const { path, query } = useLocation()
  const { wave } = detail
  const anonymous = wave.audience === 'employee'
  const peers = useMemo(() => (anonymous ? [] : detail.peers.compare), [detail, anonymous])
  // An employee wave breaks down by its survey's first segment question only (SPEC §6a).
  const segments = useMemo(
    () => (anonymous ? detail.labels.segments.slice(0, 1) : detail.labels.segments),
    [detail, anonymous],
  )
  const known = useMemo(() => ({ segments: segments.map((s) => s.key), peers }), [segments, peers])
  const defaultCsi = defaultCsiOf(wave.audience)
  // The scale control starts at the programme's scale, the one the API uses when sent none;
  // the report waits for it (or, should it fail to load, for linear, the built-in default).
  const bands = useLoad(getBands, [])
  const defaultScale = bands.data?.scale ?? (bands.error ? 'linear' : null)
  const state = useMemo(
    () => readReportState(query, known, defaultCsi, defaultScale ?? 'linear'),
    [query, known, defaultCsi, defaultScale],
  )
  const q = useMemo(
    () => apiQuery(state, wave.audience, peers, defaultScale ?? 'linear'),
    [state, wave.audience, peers, defaultScale],
  )
  const qs = new URLSearchParams(q).toString()
  const empty = wave.responses === 0

  const report = useLoad(
    async (signal) => {
      if (empty || !defaultScale) return null
      const res = await api.api.waves[':id'].report.$get(
        { param: { id: wave.id }, query: q },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [wave.id, qs, empty, defaultScale],
  )

  const update = (next: ReportState) => {
    const search = pageSearch(next, defaultCsi, defaultScale ?? 'linear')
    navigate(search ? `${path}?${search}` : path, { replace: true })
  }

  if (empty) return <EmptyReport detail={detail} />
  const data = report.data
  const release = data?.release ?? null
  const group = segments[0] ? humanizeKey(segments[0].key).toLowerCase() : null
  return (
    <div className="results report">
      <div className="results-toolbar report-toolbar">
        <ReportControls state={state} segments={segments} anonymous={anonymous} onChange={update} />
        {/* Nothing released, nothing to export or print. */}
        {release?.seq !== null && (
          <ExportBar waveId={wave.id} query={qs} responses={detail.can.exportResponses} />
        )}
      </div>
      <PrintSummary state={state} detail={detail} />
      {report.error ? (
        <LoadFailed
          what="report"
          error={report.error}
          reload={report.reload}
          secondary={qs ? { label: 'Reset the options', onClick: () => navigate(path) } : undefined}
        />
      ) : !data ? (
        <ReportSkeleton />
      ) : (
        <div className="results__body report__body" aria-busy={report.loading || undefined}>
          {release && <ReleasePanel release={release} group={group} received={wave.responses} />}
          {!anonymous && (
            <WeightingPanel
              waveId={wave.id}
              total={totalOf(data, wave.audience) as WeightingTotal}
              warnings={data.warnings}
              canEdit={detail.can.manage}
              onChanged={report.reload}
            />
          )}
          {release?.seq !== null && (
            <ReportBody
              report={data}
              detail={detail}
              state={state}
              onCompare={(ids) => update({ ...state, with: ids })}
              onCsi={(csi) => update({ ...state, csi })}
            />
          )}
        </div>
      )}
    </div>
  )
}
