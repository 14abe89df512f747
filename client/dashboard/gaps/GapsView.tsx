import type { WaveDetail } from '../types'

export function GapsView({ detail }: { detail: WaveDetail }) {
  return <p>{detail.wave.name}</p>
}
