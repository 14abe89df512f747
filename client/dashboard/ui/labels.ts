/** Words the dashboard pages share: a wave's state, an audience, a date. */

import type { WaveSummary } from '../shell/api-types'

export const waveStateLabel: Record<WaveSummary['state'], string> = {
  open: 'Open',
  closed: 'Closed',
  'not-yet-open': 'Not yet open',
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export function formatDate(iso: string | null): string | null {
  return iso ? dateFormat.format(new Date(iso)) : null
}

export const audienceLabel = (audience: string) =>
  audience.charAt(0).toUpperCase() + audience.slice(1)
