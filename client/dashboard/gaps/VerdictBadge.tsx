import type { Verdict } from './gap-model'
import { verdictName } from './gap-model'

/** A verdict in words; the colour only repeats them. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge gap-verdict gap-verdict--${verdict}`}>{verdictName[verdict]}</span>
}
