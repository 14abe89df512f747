import { audienceLabel } from '../ui/labels'
import { BandBadge } from './BandBadge'
import type { Group } from './report-model'
import { audiencePlural, csiFigure, csiInterval } from './report-format'

type Side = { audience: string; names: string }

/** One audience's CSI in a small card, for audiences side by side. */
export function MiniCsi({ side, group }: { side: Side; group: Group | null }) {
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
