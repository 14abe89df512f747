/**
 * How long a wait goes on while nothing it watches changes. Tests that share the machine's
 * cores with other jobs run slower, not differently: a system that is still working shows it
 * (another email accepted, another log line, another row sent) well within this window, so a
 * wait that saw nothing move for this long has found a stuck system, not a slow one.
 */
export const STALL_MS = 120_000

/**
 * Polls `read` until `done` holds: it waits for a condition, never for a time. It fails only
 * when `progress` (what the poll saw that shows work going on; the value itself by default)
 * has not changed for `stallMs`, and says what it last saw, so a slow machine passes however
 * long the work takes and a stuck one fails with where it stopped.
 *
 * `quietUntil` names a moment the system itself has scheduled its next step for (a retry's
 * back-off, a lease's end): the stall window starts no earlier than that.
 */
export async function waitForCondition<T>(
  what: string,
  read: () => T | Promise<T>,
  o: {
    done: (value: T) => boolean
    progress?: (value: T) => unknown
    describe?: (value: T) => string
    quietUntil?: (value: T) => number | null
    stallMs?: number
    intervalMs?: number
  },
): Promise<T> {
  const stallMs = o.stallMs ?? STALL_MS
  const signature = (v: T) => JSON.stringify(o.progress ? o.progress(v) : v)
  const describe = o.describe ?? ((v: T) => JSON.stringify(v))
  let value = await read()
  let seen = signature(value)
  let movedAt = Date.now()
  while (!o.done(value)) {
    await new Promise((r) => setTimeout(r, o.intervalMs ?? 100))
    value = await read()
    const now = Date.now()
    const s = signature(value)
    if (s !== seen) {
      seen = s
      movedAt = now
      continue
    }
    const from = Math.max(movedAt, o.quietUntil?.(value) ?? 0)
    if (now - from > stallMs && !o.done(value))
      throw new Error(
        `${what}: nothing moved for ${Math.round((now - movedAt) / 1000)} s; last seen: ${describe(value)}`,
      )
  }
  return value
}

/**
 * A stall clock over `progress`: `stalledFor()` is how long `progress()` has returned the same
 * thing (compared as JSON), measured from the first call.
 */
export function stallClock(progress: () => unknown) {
  let seen = JSON.stringify(progress())
  let movedAt = Date.now()
  return {
    stalledFor() {
      const now = JSON.stringify(progress())
      if (now !== seen) {
        seen = now
        movedAt = Date.now()
      }
      return Date.now() - movedAt
    },
  }
}
