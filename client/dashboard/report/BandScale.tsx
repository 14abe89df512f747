import { toScore10 } from '../../../reports/scale'
import { fixed } from '../../lib/format'
import type { CutOffs, ScaleMapping } from './report-format'

type Props = {
  score: number | null
  low: number | null
  high: number | null
  cutOffs: CutOffs
  mapping: ScaleMapping
}

/** The /10 score on a ruler of the three bands, with its interval. Decoration: the card says it. */
export function BandScale({ score, low, high, cutOffs, mapping }: Props) {
  const min = toScore10(1, mapping) ?? 0
  const at = (x: number) => `${(Math.min(10, Math.max(min, x)) - min) * (100 / (10 - min))}%`
  return (
    <div className="band-scale" aria-hidden="true">
      <div className="band-scale__track">
        <span
          className="band-scale__zone report-band--concern"
          style={{ left: 0, width: at(cutOffs.adequate) }}
        />
        <span
          className="band-scale__zone report-band--adequate"
          style={{
            left: at(cutOffs.adequate),
            width: `calc(${at(cutOffs.strength)} - ${at(cutOffs.adequate)})`,
          }}
        />
        <span
          className="band-scale__zone report-band--strength"
          style={{ left: at(cutOffs.strength), right: 0 }}
        />
        {low !== null && high !== null && (
          <span
            className="band-scale__ci"
            style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }}
          />
        )}
        {score !== null && <span className="band-scale__marker" style={{ left: at(score) }} />}
      </div>
      <div className="band-scale__ticks">
        {[min, cutOffs.adequate, cutOffs.strength, 10].map((t) => (
          <span key={t} style={{ left: at(t) }}>
            {Number.isInteger(t) ? t : fixed(t, 1)}
          </span>
        ))}
      </div>
    </div>
  )
}
