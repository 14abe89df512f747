import { api, readError } from '../../api'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import { waveHref } from '../shell/routes'
import type { WaveDetail, WaveReport } from '../shell/api-types'
import { useLoad } from '../ui/use-load'
import { GapChart, verdictColor } from './GapChart'
import type { CompareGroup } from './gap-model'
import {
  capitalize,
  compareGroups,
  gapHeadline,
  gapsQuery,
  groupNoun,
  readCompare,
  sortGaps,
  verdictName,
  verdictOrder,
  verdictRules,
} from './gap-model'
import { PerceptionGapTable } from './PerceptionGapTable'
import { listInWords } from './words'
import { VerdictLegend } from './VerdictLegend'
import './gaps.css'

/** The option whose waves are the chosen ones, whatever order the address lists them in. */
function choiceValue(groups: readonly CompareGroup[], ids: readonly string[]) {
  const want = [...ids].sort().join()
  for (const g of groups)
    for (const c of g.choices) if ([...c.ids].sort().join() === want) return c.value
  return ids.join(',')
}

/** Perception gaps: how staff think customers rate us, against what customers say (HR). */
export function GapsView({ detail }: { detail: WaveDetail }) {
  const { query } = useLocation()
  const id = detail.wave.id
  const peers = detail.peers.compare
  const chosen = readCompare(query.get('with'), peers)
  const key = chosen.join(',')
  const report = useLoad(
    async (signal) => {
      if (chosen.length === 0) return null
      const res = await api.api.waves[':id'].report.$get(
        { param: { id }, query: gapsQuery(detail.wave.audience, chosen, peers) },
        { init: { signal } },
      )
      if (!res.ok) throw await readError(res)
      return res.json()
    },
    [id, key],
  )
  const groups = compareGroups(peers)
  const choose = (value: string) =>
    navigate(waveHref(id, 'gaps', new URLSearchParams({ with: value }).toString()), {
      replace: true,
    })

  if (peers.length === 0)
    return (
      <div className="results gaps">
        <Notice tone="info" title="Nothing to compare with yet">
          <p>
            Perception gaps set this employee wave beside a customer, wholesaler or retailer wave.
            Once such a wave exists and has responses, the gaps appear here.
          </p>
        </Notice>
      </div>
    )

  return (
    <div className="results gaps">
      <section className="results-toolbar gaps-toolbar" aria-label="Comparison">
        <div className="results-control">
          <label htmlFor="gaps-compare">Compare staff with</label>
          <select
            id="gaps-compare"
            value={choiceValue(groups, chosen)}
            onChange={(e) => choose(e.target.value)}
          >
            {groups.map((g) => (
              <optgroup key={g.audience} label={g.label}>
                {g.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <p className="gaps-toolbar__text">
          Staff were asked how they think customers rate us on each attribute. A gap is the staff
          average minus the average of the chosen wave, on the 1–5 scale.
        </p>
      </section>
      {report.error ? (
        <LoadFailed what="perception gaps" error={report.error} reload={report.reload} />
      ) : !report.data ? (
        <p className="muted" aria-busy="true">
          Loading the perception gaps…
        </p>
      ) : (
        <div className="results__body" aria-busy={report.loading}>
          <GapsBody detail={detail} report={report.data} />
        </div>
      )}
    </div>
  )
}

function GapsBody({ detail, report }: { detail: WaveDetail; report: WaveReport }) {
  const audience = detail.wave.audience
  const other = report.waves.find((w) => w.audience !== audience)?.audience ?? 'customer'
  const otherNoun = groupNoun(other)
  const staff = report.groups.find((g) => g.audience === audience && g.segment === null)
  const them = report.groups.find((g) => g.audience === other && g.segment === null)
  const minGroup = report.config.minGroup
  const labels = report.labels.attributes

  if (staff?.suppressed)
    return (
      <Notice tone="info" title="Staff answers are hidden to keep them anonymous">
        <p>
          {detail.wave.responses === 1
            ? 'Only 1 member of staff has'
            : `Only ${detail.wave.responses} members of staff have`}{' '}
          answered so far. Gaps are shown once at least {minGroup} have answered, so that no one’s
          answers can be recognised.
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
    attributes: rows.filter((r) => r.pAdjusted !== null).length,
    other: otherNoun,
  })
  const used = verdictOrder.filter((v) => rows.some((r) => r.verdict === v))
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
          Staff: {staff && !staff.suppressed ? staff.n : '–'} responses in {detail.wave.name}.{' '}
          {capitalize(otherNoun)}: {them && !them.suppressed ? them.n : 0} responses in{' '}
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
