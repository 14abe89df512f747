import type { WaveReport } from '../shell/api-types'

/** What HR reads of an employee wave: its latest release (SPEC §6a), as the report serves it. */
export type Release = NonNullable<WaveReport['release']>

export type ReleaseState = 'none' | 'current' | 'pending' | 'final'

type Context = {
  /** The one breakdown in a sentence ("department"), or null when the survey asks none. */
  group: string | null
  /** Responses received so far, released or not. */
  received: number
  date: (iso: string) => string
}

export function releaseState(r: Release): ReleaseState {
  if (r.seq === null) return 'none'
  if (r.final) return 'final'
  return r.pending ? 'pending' : 'current'
}

const count = (n: number) => `${n} ${n === 1 ? 'response' : 'responses'}`

/**
 * The release of an employee wave in plain words: what is shown, what is held back, and when
 * the next batch comes. Results move in batches of at least k people per group (or at close),
 * so a change can never be pinned on the one person who answered in between.
 */
export function releaseWords(r: Release, c: Context): { title: string; lines: string[] } {
  const k = r.minGroup
  const close = r.closesAt ? `the wave closes on ${c.date(r.closesAt)}` : 'the wave is closed'
  const groups = c.group
    ? `every group with new answers (the whole wave, and each ${c.group})`
    : 'the wave'
  const released = r.releasedAt ? ` on ${c.date(r.releasedAt)}` : ''
  switch (releaseState(r)) {
    case 'none':
      return {
        title: 'No results released yet',
        lines: [
          c.received === 0
            ? 'No staff have answered yet.'
            : `${count(c.received)} received so far, none of them released yet.`,
          `Staff results are released in batches, never one response at a time. The first batch comes once at least ${k} staff have answered${c.group ? `, and each ${c.group} with answers has at least ${k}` : ''}, or when ${close}, whichever comes first.`,
          'Until then nothing is shown, so that no result can be traced to one person.',
        ],
      }
    case 'final':
      return {
        title: 'Final results (wave closed)',
        lines: [
          `Released${released}: ${count(r.responses)}, every response to this wave. These results will not change.`,
        ],
      }
    case 'pending':
      return {
        title: `Results released${released}: ${count(r.responses)}`,
        lines: [
          `Newer responses are held back until at least ${k} more have arrived in ${groups}, or until ${close}, so that no change can be traced to one person.`,
        ],
      }
    default:
      return {
        title: `Results released${released}: ${count(r.responses)}`,
        lines: [
          `Every response received so far is included. Later ones are released in batches: once at least ${k} more have arrived in ${groups}, or when ${close}, so that no change can be traced to one person.`,
        ],
      }
  }
}
