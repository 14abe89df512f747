import { fixed, percent, range } from '../../lib/format'
import { BandBadge } from './BandBadge'
import { BandScale } from './BandScale'
import type { Group } from './report-model'
import type { CsiDefinition, CutOffs, ScaleMapping } from './report-format'
import { csiMeaning, scaleName } from './report-format'

type Props = {
  group: Group
  definition: CsiDefinition
  mapping: ScaleMapping
  cutOffs: CutOffs
  alphaMin: number
  title: string
  /** Offered when the survey asks no re-buy question, so CSI-2 has nothing to average. */
  onUseOverall: () => void
}

/** The headline: index /100 (or /10), its interval, band in words, n, definition, guard rails. */
export function CsiCard(props: Props) {
  const { group, definition, mapping, cutOffs, alphaMin, title, onUseOverall } = props
  const { csi, responseRate: rate } = group
  const noRebuy = definition === 'overall-rebuy' && csi.components?.rebuy.n === 0
  const per100 = csi.index100 !== null
  const withheld = csi.score10 === null
  return (
    <section className="card csi-card" aria-labelledby="csi-title">
      <div className="csi-card__head">
        <h2 id="csi-title">{title}</h2>
        {!withheld && <BandBadge band={csi.band} meaning />}
      </div>
      {withheld ? (
        <div className="csi-card__withheld" role="note">
          <p className="csi-card__value csi-card__value--withheld">Not published</p>
          <p>
            {noRebuy
              ? 'Nobody answered the intention to buy again, so this definition has nothing to average; this survey may not ask it.'
              : withheldText(csi, alphaMin)}
          </p>
          {noRebuy && (
            <button type="button" className="button" onClick={onUseOverall}>
              Use overall satisfaction only
            </button>
          )}
        </div>
      ) : (
        <div className="csi-card__main">
          <p className="csi-card__figure">
            <span className="csi-card__value">
              {per100 ? fixed(csi.index100, 1) : fixed(csi.score10, 1)}
            </span>
            <span className="csi-card__unit">{per100 ? '/100' : '/10'}</span>
          </p>
          <dl className="csi-card__facts">
            {per100 && (
              <div>
                <dt>Score</dt>
                <dd>{fixed(csi.score10, 1)} /10</dd>
              </div>
            )}
            <div>
              <dt>95% confidence interval</dt>
              <dd>
                {csi.score10Low === null || csi.score10High === null ? (
                  <span className="muted">Not computed for this definition</span>
                ) : per100 ? (
                  <>
                    {range(csi.score10Low * 10, csi.score10High * 10)} /100
                    <span className="muted"> ({range(csi.score10Low, csi.score10High)} /10)</span>
                  </>
                ) : (
                  <>{range(csi.score10Low, csi.score10High)} /10</>
                )}
              </dd>
            </div>
            <div>
              <dt>Respondents</dt>
              <dd>{csi.n ?? group.n}</dd>
            </div>
            {rate && rate.rr1 !== null && (
              <div>
                <dt>
                  Response rate{' '}
                  <abbr title="AAPOR response rate 1: complete responses ÷ invitations">RR1</abbr>
                </dt>
                <dd>
                  {percent(rate.rr1)}
                  <span className="muted">
                    {' '}
                    · {rate.responded} of {rate.invited} invited
                  </span>
                </dd>
              </div>
            )}
          </dl>
        </div>
      )}
      {!withheld && (
        <BandScale
          score={csi.score10}
          low={csi.score10Low}
          high={csi.score10High}
          cutOffs={cutOffs}
          mapping={mapping}
        />
      )}
      {csi.components && (
        <dl className="csi-card__components">
          <div>
            <dt>Overall satisfaction</dt>
            <dd>
              {fixed(csi.components.overall.score10, 1)} /10{' '}
              <BandBadge band={csi.components.overall.band} />
              <span className="muted">
                {' '}
                mean {fixed(csi.components.overall.mean, 2)}, n {csi.components.overall.n ?? 0}
              </span>
            </dd>
          </div>
          {!noRebuy && (
            <div>
              <dt>Intention to buy again</dt>
              <dd>
                {fixed(csi.components.rebuy.score10, 1)} /10{' '}
                <BandBadge band={csi.components.rebuy.band} />
                <span className="muted">
                  {' '}
                  mean {fixed(csi.components.rebuy.mean, 2)}, n {csi.components.rebuy.n ?? 0}
                </span>
              </dd>
            </div>
          )}
          {csi.alpha !== null && (
            <div>
              <dt>
                Agreement of the two (Cronbach’s <span className="nocase">α</span>)
              </dt>
              <dd>
                {csi.alpha.toFixed(2)}
                <span className="muted">
                  {' '}
                  · {alphaMin.toFixed(2)} or more needed to combine them
                </span>
              </dd>
            </div>
          )}
        </dl>
      )}
      <p className="csi-card__definition">
        <strong>How it is computed.</strong> {csiMeaning[definition]} Answers run from 1 (extremely
        dissatisfied) to 5 (extremely satisfied); {scaleSentence(mapping)}
        {csi.nPartial && !noRebuy
          ? ` ${csi.nPartial} answered only one of the two questions and are not counted.`
          : ''}
      </p>
    </section>
  )
}

function scaleSentence(mapping: ScaleMapping) {
  const rule = scaleName[mapping].split(': ')[1]
  return mapping === 'anchored10'
    ? `the mean is mapped onto /10 (${rule}); this mapping has no /100 form.`
    : `the mean is mapped onto /10 (${rule}), and /100 is ten times that.`
}

function withheldText(csi: Group['csi'], alphaMin: number) {
  if (csi.alpha !== null && csi.alpha < alphaMin && csi.components)
    return `Overall satisfaction and the intention to buy again disagree too much to be combined (Cronbach’s α ${csi.alpha.toFixed(2)}, below ${alphaMin.toFixed(2)}). Read the two components below instead.`
  if (csi.alpha !== null && csi.alpha < alphaMin)
    return `The attributes do not hang together well enough to be averaged (Cronbach’s α ${csi.alpha.toFixed(2)}, below ${alphaMin.toFixed(2)}). Read the attribute table instead.`
  return csi.reason
    ? `The index could not be computed: ${csi.reason}.`
    : 'The index could not be computed.'
}
