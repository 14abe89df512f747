import { audienceLabel } from '../format'
import type { WaveDetail, WaveReport } from '../types'
import { BandBadge } from './BandBadge'
import type { Group } from './report-model'
import { totalOf } from './report-model'
import { otherAudiences } from './report-query'
import type { Verdict } from './report-format'
import {
  audiencePlural,
  csiFigure,
  csiInterval,
  fmt1,
  formatP,
  signed,
  verdictText,
} from './report-format'

type Props = {
  detail: WaveDetail
  report: WaveReport | null
  chosen: readonly string[]
  onChoose: (ids: string[]) => void
}

/** Other audiences' waves beside this one: every CSI, and per pair the tested gap per attribute. */
export function AudienceComparison({ detail, report, chosen, onChoose }: Props) {
  const mine = detail.wave.audience
  const peers = detail.peers.compare
  const audiences = [...new Set(peers.map((p) => p.audience))]
  const others = otherAudiences(chosen, peers)
  const toggle = (id: string, on: boolean) =>
    onChoose(on ? [...chosen, id] : chosen.filter((x) => x !== id))
  const names = (audience: string) =>
    peers
      .filter((p) => p.audience === audience && chosen.includes(p.id))
      .map((p) => p.name)
      .join(', ')

  return (
    <section className="report-section" aria-labelledby="compare-title">
      <h2 id="compare-title">Audiences side by side</h2>
      {peers.length === 0 ? (
        <p className="muted">
          There are no waves of other audiences (wholesalers, retailers) to set beside this one yet.
        </p>
      ) : (
        <fieldset className="card peer-picker">
          <legend>Compare with</legend>
          <p className="muted peer-picker__hint">
            Each audience you tick is tested against {audiencePlural(mine)}; several waves of one
            audience are pooled.
          </p>
          <div className="peer-picker__groups">
            {audiences.map((audience) => (
              <div key={audience} className="peer-picker__group">
                <p className="peer-picker__audience">{audienceLabel(audiencePlural(audience))}</p>
                {peers
                  .filter((p) => p.audience === audience)
                  .map((p) => (
                    <label key={p.id} className="peer-check">
                      <input
                        type="checkbox"
                        checked={chosen.includes(p.id)}
                        onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                      />
                      {p.name}
                    </label>
                  ))}
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {others.length > 0 && report && (
        <div className="comparison">
          <div className="comparison__cards">
            <MiniCsi
              side={{ audience: mine, names: detail.wave.name }}
              group={totalOf(report, mine)}
            />
            {others.map((a) => (
              <MiniCsi key={a} side={{ audience: a, names: names(a) }} group={totalOf(report, a)} />
            ))}
          </div>
          {others.map((a) => (
            <Comparison key={a} report={report} mine={mine} theirs={a} />
          ))}
          <GapLegend report={report} />
        </div>
      )}
    </section>
  )
}

type Side = { audience: string; names: string }

function Comparison(p: { report: WaveReport; mine: string; theirs: string }) {
  const { report, mine, theirs } = p
  const a = totalOf(report, theirs)
  const b = totalOf(report, mine)
  const gaps = report.gaps.filter((g) => g.groupA === theirs && g.groupB === mine)
  const adjust = report.config.pAdjust === 'bh' ? 'BH' : 'Holm'
  const score = (g: Group | null, key: string) =>
    g?.attributes.find((r) => r.key === key)?.score10 ?? null
  const alpha = report.config.gapThresholds.alpha
  const A = audiencePlural(theirs)
  const B = audiencePlural(mine)
  return (
    <div className="gap-pair">
      <h3>
        {audienceLabel(A)} compared with {B}
      </h3>
      {gaps.length === 0 ? (
        <p className="muted">No attribute was asked of both audiences with answers to compare.</p>
      ) : (
        <div
          className="table-frame"
          role="region"
          aria-label={`Attribute gaps, ${A} compared with ${B}`}
          tabIndex={0}
        >
          <table className="report-table gap-table report-table--stack">
            <thead>
              <tr>
                <th scope="col">Attribute</th>
                <th scope="col" className="num">
                  {audienceLabel(B)} /10
                </th>
                <th scope="col" className="num">
                  {audienceLabel(A)} /10
                </th>
                <th scope="col" className="num">
                  Difference /10
                </th>
                <th scope="col" className="num">
                  p ({adjust})
                </th>
                <th scope="col">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g) => (
                <tr key={g.key} className={`report-verdict--${verdictTone(g, alpha)}`}>
                  <th scope="row" data-label="Attribute">
                    {report.labels.attributes[g.key] ?? g.key}
                  </th>
                  <td className="num" data-label={`${audienceLabel(B)} /10`}>
                    {fmt1(score(b, g.key))}
                  </td>
                  <td className="num" data-label={`${audienceLabel(A)} /10`}>
                    {fmt1(score(a, g.key))}
                  </td>
                  <td className="num" data-label="Difference /10">
                    {signed(g.gap10, 1)}
                  </td>
                  <td className="num" data-label={`p (${adjust})`}>
                    {formatP(g.pAdjusted)}
                  </td>
                  <td data-label="Verdict">
                    <span className="report-verdict">
                      {verdictText({ ...g, verdict: g.verdict as Verdict }, A, B, alpha)}
                    </span>
                    {g.reason && <span className="muted"> ({g.reason})</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

/** A `none` verdict that is still significant after adjustment reads as "small but real". */
function verdictTone(g: { verdict: string; pAdjusted: number | null }, alpha: number) {
  return g.verdict === 'none' && g.pAdjusted !== null && g.pAdjusted < alpha ? 'small' : g.verdict
}

function GapLegend({ report }: { report: WaveReport }) {
  const th = report.config.gapThresholds
  const adjust = report.config.pAdjust === 'bh' ? 'Benjamini–Hochberg' : 'Holm'
  return (
    <p className="muted report-legend__note">
      Difference = the other audience minus this one, on /10. Each difference is tested with Welch’s
      t-test; p is adjusted ({adjust}) for testing every attribute of a comparison at once. A large
      gap is at least {th.minGap} points on the 1–5 scale, significant after adjustment (p &lt;{' '}
      {th.alpha}), with an effect size (Hedges’ g) of {th.minG} or more; a smaller gap that is still
      significant is “small but real”.
    </p>
  )
}

function MiniCsi({ side, group }: { side: Side; group: Group | null }) {
  const csi = group?.csi
  const figure = csi && csiFigure(csi)
  return (
    <div className="card mini-csi">
      <p className="mini-csi__who">{audienceLabel(audiencePlural(side.audience))}</p>
      <p className="mini-csi__waves">{side.names}</p>
      {!csi || !figure || csi.score10 === null ? (
        <p className="muted">No index{csi?.reason ? `: ${csi.reason}` : ''}</p>
      ) : (
        <>
          <p className="mini-csi__figure">
            <span className="mini-csi__value">{figure.value}</span>
            <span className="csi-card__unit">{figure.unit}</span>
          </p>
          <p className="mini-csi__facts">
            <BandBadge band={csi.band} />{' '}
            <span className="muted">
              95% CI {csiInterval(csi)} · n {csi.n}
            </span>
          </p>
        </>
      )}
    </div>
  )
}
