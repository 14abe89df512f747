import type { WaveDetail } from '../types'

export function ReportView({ detail }: { detail: WaveDetail }) {
  return <p>{detail.wave.name}</p>
}
