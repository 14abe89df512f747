import { audienceLabel } from '../ui/labels'
import type { WaveDetail, WaveReport } from '../shell/api-types'
import { AudienceGapLegend, AudienceGapTable } from './AudienceGapTable'
import { MiniCsi } from './MiniCsi'
import { totalOf } from './report-model'
import { otherAudiences } from './report-query'
import { audiencePlural } from './report-format'

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
            <AudienceGapTable key={a} report={report} mine={mine} theirs={a} />
          ))}
          <AudienceGapLegend report={report} />
        </div>
      )}
    </section>
  )
}
