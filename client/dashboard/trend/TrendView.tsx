import type { WaveDetail } from '../types'

export function TrendView({ detail }: { detail: WaveDetail }) {
  return <p>{detail.wave.name}</p>
}
