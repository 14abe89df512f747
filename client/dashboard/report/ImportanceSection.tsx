import { ImportanceChart } from './ImportanceChart'
import type { Group } from './report-model'
import type { ScaleMapping } from './report-format'

type Props = { group: Group; labels: Record<string, string>; mapping: ScaleMapping }

const method: Record<string, string> = {
  lmg: 'Shapley (LMG) share of the explained variance of overall satisfaction',
  rw: 'relative weight (Johnson) share of the explained variance of overall satisfaction',
}

/** Where to act: the chart, what its axes mean, or why importance could not be computed. */
export function ImportanceSection({ group, labels, mapping }: Props) {
  const model = group.importanceModel
  const source = model.crosshair.source
  const across =
    source === 'share'
      ? `how much it drives overall satisfaction (${method[model.method ?? 'lmg']}, from ${model.n} complete answers)`
      : source === 'stated'
        ? 'how important respondents said it is (mean on 1–5)'
        : 'how closely it moves with overall satisfaction (Pearson correlation r)'
  return (
    <section className="card report-section ipa" aria-labelledby="ipa-title">
      <h2 id="ipa-title">Importance and performance</h2>
      {source === 'r' ? (
        // Below the sample-size gate only r is known: too unstable to place attributes in
        // quadrants or name priorities (reports/README.md, "Importance").
        <p className="ipa__none">
          Too few complete answers to rank the attributes by importance
          {model.reason ? ` (${model.reason})` : ''}. The correlation of each attribute with overall
          satisfaction is in the table; the chart and priorities appear once enough respondents have
          answered overall satisfaction and every attribute.
        </p>
      ) : source === null ? (
        <p className="ipa__none">
          Importance cannot be computed for this wave
          {model.reason ? `: ${model.reason}` : ''}. The chart appears once enough respondents have
          answered overall satisfaction and every attribute.
        </p>
      ) : (
        <>
          <p className="muted section-intro">
            Each dot is an attribute. Across: {across}. Up: its score /10. The dashed lines cross at
            the average importance and the average score; <span className="ipa__key">red dots</span>{' '}
            are “Priority: fix first”: more important than most, and rated lower than the others.
          </p>
          {!model.gatePassed && source !== 'share' && model.reason && (
            <p className="muted ipa__note">
              Derived importance needs more complete answers ({model.reason}), so the chart uses{' '}
              stated importance.
            </p>
          )}
          <ImportanceChart
            rows={group.attributes}
            labels={labels}
            model={model}
            mapping={mapping}
          />
        </>
      )}
    </section>
  )
}
