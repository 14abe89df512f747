import type { Verdict } from './gap-model'
import { verdictOrder } from './gap-model'
import { MethodsLink } from '../report/MethodsLink'
import { VerdictBadge } from './VerdictBadge'

/** How each verdict is decided, in plain words, with the badge the table uses. */
export function VerdictLegend({ rules }: { rules: Record<Verdict, string> }) {
  return (
    <section className="card gaps-legend" aria-labelledby="gaps-legend-title">
      <h2 id="gaps-legend-title">How the verdicts are decided</h2>
      <dl>
        {verdictOrder.map((v) => (
          <div key={v} className="gaps-legend__row">
            <dt>
              <VerdictBadge verdict={v} />
            </dt>
            <dd>{rules[v]}</dd>
          </div>
        ))}
      </dl>
      <p className="muted gaps-legend__note">
        The bars show the gap between averages; the whiskers its 95% confidence interval. Hedges g
        is the gap in standard deviations: under 0.2 negligible, under 0.5 small, under 0.8 medium,
        else large. When the rank-based Mann–Whitney test disagrees with the t-test about
        significance, the verdict is marked “ordinal test disagrees”.
      </p>
      <MethodsLink />
    </section>
  )
}
