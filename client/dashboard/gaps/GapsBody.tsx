import { humanizeKey } from '../../lib/format'
import type { WaveDetail, WaveReport } from '../shell/api-types'
import { formatDate } from '../ui/labels'
import { Notice } from '../ui/Notice'
import { ReleasePanel } from '../waves/ReleasePanel'
import { GapChart, verdictColor } from './GapChart'
import {
  capitalize,
  gapHeadline,
  groupNoun,
  isTested,
  sortGaps,
  verdictName,
  verdictOrder,
  verdictRules,
} from './gap-model'
import { PerceptionGapTable } from './PerceptionGapTable'
import { VerdictLegend } from './VerdictLegend'
import { listInWords } from './words'

const responses = (n: number | null) =>
  n === null ? '– responses' : `${n} ${n === 1 ? 'response' : 'responses'}`

/** One comparison's gaps: the headline, the chart, the figures and how verdicts are decided. */
export function GapsBody({ detail, report }: { detail: WaveDetail; report: WaveReport }) {
  const audience = detail.wave.audience
  const other = report.waves.find((w) => w.audience !== audience)?.audience ?? 'customer'
  const otherNoun = groupNoun(other)
  const staff = report.groups.find((g) => g.audience === audience && g.segment === null)
  const them = report.groups.find((g) => g.audience === other && g.segment === null)
  const minGroup = report.config.minGroup
  const labels = report.labels.attributes
  const release = report.release
  const segment = detail.labels.segments[0]

  // Staff figures come from the wave's latest release: before the first, there are none.
  if (release && release.seq === null)
    return (
      <>
        <ReleasePanel
          release={release}
          group={segment ? humanizeKey(segment.key).toLowerCase() : null}
          received={detail.wave.responses}
        />
        <p className="muted">Perception gaps appear here with the first released results.</p>
      </>
    )
  if (staff?.suppressed)
    return (
      <Notice tone="info" title="Staff answers are hidden to keep them anonymous">
        <p>
          {release?.responses === 1
            ? 'Only 1 member of staff has'
            : `Only ${release?.responses ?? detail.wave.responses} members of staff have`}{' '}
          answered in the released results. Gaps are shown once at least {minGroup} have answered,
          so that no one’s answers can be recognised.
          {detail.wave.state === 'open' &&
            ' The wave is still open: a reminder to those invited may bring in enough answers.'}
        </p>
      </Notice>
    )
  if (report.gaps.length === 0)
    return (
      <Notice tone="info" title="No gaps to show yet">
        <p>
          {!staff
            ? 'No staff have answered this wave yet.'
            : !them
              ? `The chosen ${other} wave has no responses yet: choose another, or come back once it has answers.`
              : 'These waves share no attributes to compare.'}
        </p>
      </Notice>
    )

  const rows = sortGaps(report.gaps)
  const th = report.config.gapThresholds
  const head = gapHeadline(rows, labels, otherNoun)
  const dangerous = rows.some((r) => r.verdict === 'dangerous')
  const theirWaves = report.waves.filter((w) => w.audience === other).map((w) => w.name)
  const rules = verdictRules(th, {
    pAdjust: report.config.pAdjust,
    minGroup,
    attributes: rows.filter(isTested).length,
    other: otherNoun,
  })
  const used = verdictOrder.filter((v) => rows.some((r) => r.verdict === v))
  const released = release?.releasedAt
    ? ` (results released on ${formatDate(release.releasedAt)}${release.final ? ', final' : release.pending ? '; newer answers held back' : ''})`
    : ''
  return (
    <>
      <section
        className={`card gaps-headline${dangerous ? ' gaps-headline--alarm' : ''}`}
        aria-labelledby="gaps-headline-title"
      >
        <h2 id="gaps-headline-title">{head.title}</h2>
        {head.details.map((d) => (
          <p key={d}>{d}</p>
        ))}
        <p className="gaps-headline__bases">
          Staff: {responses(staff && !staff.suppressed ? staff.n : null)} in {detail.wave.name}
          {released}. {capitalize(otherNoun)}: {responses(them && !them.suppressed ? them.n : 0)} in{' '}
          {listInWords(theirWaves)}.
        </p>
      </section>

      <section className="card gaps-chart-card" aria-labelledby="gaps-chart-title">
        <h2 id="gaps-chart-title">Gap by attribute</h2>
        <p className="results-intro">
          Bars to the right: staff think we do better than {otherNoun} say; to the left: worse.
          Whiskers show the 95% confidence interval; dashed lines mark ±{th.minGap} points, the size
          a dangerous gap must reach. Largest gap first.
        </p>
        <GapChart rows={rows} labels={labels} other={otherNoun} threshold={th.minGap} />
        <ul className="gaps-key" aria-label="Bar colours">
          {used.map((v) => (
            <li key={v}>
              <span
                className="gaps-key__swatch"
                style={{ background: verdictColor[v] }}
                aria-hidden="true"
              />
              {verdictName[v]}
            </li>
          ))}
        </ul>
      </section>

      <section className="gaps-section" aria-labelledby="gaps-table-title">
        <h2 id="gaps-table-title">The figures</h2>
        <p className="results-intro">
          Means on the 1–5 scale with the number of answers; the gap with its 95% confidence
          interval; p adjusted for testing every attribute at once; Hedges g with its size in words.
        </p>
        <PerceptionGapTable
          rows={rows}
          labels={labels}
          other={otherNoun}
          method={report.config.pAdjust}
        />
      </section>

      <VerdictLegend rules={rules} />
    </>
  )
}
