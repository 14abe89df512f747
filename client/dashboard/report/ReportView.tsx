import { useMemo } from 'react'
import { api, readError } from '../../api'
import { LoadFailed } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import type { WaveDetail } from '../shell/api-types'
import { useLoad } from '../ui/use-load'
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
import { EmptyReport, PrintSummary, ReportSkeleton } from './ReportStates'
import './report.css'
import './print.css'

/** A wave's CSI report; its options live in the address, so a link or a print shows the same. */
export function ReportView({ detail }: { detail: WaveDetail }) {
  const { path, query } = useLocation()
  const { wave } = detail
  const peers = useMemo(
    () => (detail.wave.audience === 'employee' ? [] : detail.peers.compare),
    [detail],
  )
  const known = useMemo(
    () => ({ segments: detail.labels.segments.map((s) => s.key), peers }),
    [detail, peers],
  )
  const defaultCsi = defaultCsiOf(wave.audience)
  const state = useMemo(() => readReportState(query, known, defaultCsi), [query, known, defaultCsi])
  const q = useMemo(() => apiQuery(state, wave.audience, peers), [state, wave.audience, peers])
  const qs = new URLSearchParams(q).toString()
  const empty = wave.responses === 0

  const report = useLoad(
    async (signal) => {
      if (empty) return null
      const res = await api.api.waves[':id'].report.$get(
        { param: { id: wave.id }, query: q },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [wave.id, qs, empty],
  )

  const update = (next: ReportState) => {
    const search = pageSearch(next, defaultCsi)
    navigate(search ? `${path}?${search}` : path, { replace: true })
  }

  if (empty) return <EmptyReport detail={detail} />
  const data = report.data
  return (
    <div className="results report">
      <div className="results-toolbar report-toolbar">
        <ReportControls state={state} segments={detail.labels.segments} onChange={update} />
        <ExportBar waveId={wave.id} query={qs} responses={detail.can.exportResponses} />
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
          <ReportBody
            report={data}
            detail={detail}
            state={state}
            onCompare={(ids) => update({ ...state, with: ids })}
            onCsi={(csi) => update({ ...state, csi })}
          />
        </div>
      )}
    </div>
  )
}
