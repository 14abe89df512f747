import type { ReactNode } from 'react'

/** A status in words; the colour only repeats what the text says. */
export function StateBadge({ tone, children }: { tone: string; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>
}
