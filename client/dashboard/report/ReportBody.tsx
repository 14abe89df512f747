import { audienceLabel } from '../ui/labels'
import { Notice } from '../ui/Notice'
import type { WaveDetail, WaveReport } from '../shell/api-types'
import { AttitudeSection } from './AttitudeSection'
import { AttributeTable } from './AttributeTable'
import { AudienceComparison } from './AudienceComparison'
import { CsiCard } from './CsiCard'
import { ImportanceSection } from './ImportanceSection'
import type { CsiDefinition } from './report-format'
import type { ReportState } from './report-query'
import { totalOf } from './report-model'
import { SegmentPanel } from './SegmentPanel'

type Props = {
  report: WaveReport
  detail: WaveDetail
  state: ReportState
  onCompare: (ids: string[]) => void
  onCsi: (csi: CsiDefinition) => void
}

/** The report's sections for this wave's audience, then segments and other audiences. */
export function ReportBody({ report, detail, state, onCompare, onCsi }: Props) {
  const audience = detail.wave.audience
  const group = totalOf(report, audience)
  const hidden = report.groups.find((g) => g.audience === audience && g.segment === null)
  const { config } = report
  const warnings = [...new Set([...report.warnings, ...(group?.warnings ?? [])])]
  return (
    <>
      {!group ? (
        <Notice tone="info" title="The results of this wave are hidden">
          {hidden?.suppressed
            ? `To protect anonymity: ${hidden.reason}.`
            : 'The report has no results for this audience.'}
        </Notice>
      ) : (
        <>
          <CsiCard
            group={group}
            definition={report.csiDefinition}
            mapping={report.scale.mapping}
            cutOffs={config.cutOffs}
            alphaMin={config.alphaMin}
            title={
              audience === 'employee'
                ? 'Customer satisfaction, as employees see it'
                : `${audienceLabel(audience)} satisfaction index`
            }
            onUseOverall={() => onCsi('overall')}
          />
          {warnings.length > 0 && (
            <Notice tone="info" title="Read with care">
              <ul className="report-warnings">
                {warnings.map((w) => (
                  <li key={w}>{w.charAt(0).toUpperCase() + w.slice(1)}</li>
                ))}
              </ul>
            </Notice>
          )}
          <section className="report-section" aria-labelledby="attributes-title">
            <h2 id="attributes-title">Strengths and weaknesses</h2>
            <p className="muted section-intro">
              Each attribute’s mean on the 1–5 scale and its score /10 with the 95% confidence
              interval. <span className="screen-only">Select a column heading to sort.</span>
            </p>
            <AttributeTable
              rows={group.attributes}
              labels={report.labels.attributes}
              source={group.importanceModel.crosshair.source}
              servedOrder={config.sort}
              cutOffs={config.cutOffs}
              thresholds={config}
            />
          </section>
          <ImportanceSection
            group={group}
            labels={report.labels.attributes}
            mapping={report.scale.mapping}
          />
        </>
      )}
      {report.attitude && report.release && (
        <AttitudeSection
          attitude={report.attitude}
          segmentValues={report.labels.segmentValues}
          minGroup={report.release.minGroup}
        />
      )}
      {state.by.length > 0 && (
        <SegmentPanel
          groups={report.groups.filter((g) => g.segment !== null)}
          by={state.by}
          segmentLabels={report.labels.segments}
          segmentValues={report.labels.segmentValues}
          audience={audience}
        />
      )}
      {audience !== 'employee' && (
        <AudienceComparison
          detail={detail}
          report={report}
          chosen={state.with}
          onChoose={onCompare}
        />
      )}
    </>
  )
}
