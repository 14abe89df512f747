import type { WaveDetail } from '../types'

export function CommentsView({ detail }: { detail: WaveDetail }) {
  return <p>{detail.wave.name}</p>
}
