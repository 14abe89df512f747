import { followUp } from '../../reports'
import { alertTimes } from '../db/alert-queries'
import type { Db } from '../db/client'

/** Counts, share resolved and median time to first action of a wave's alerts. */
export async function waveFollowUp(db: Db, waveId: string) {
  const times = await alertTimes(db, waveId)
  return followUp(
    times.map((t) => ({
      status: t.status,
      createdAt: t.createdAt.getTime(),
      firstActionAt: t.firstActionAt?.getTime() ?? null,
    })),
  )
}
