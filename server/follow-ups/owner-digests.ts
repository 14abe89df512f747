import type { Store } from '../db/client'
import { digestStatements, ownersWaiting, writtenDigests } from '../db/digests'
import { alertDelivery } from './alert-settings'

/** The UTC day of `now`, YYYY-MM-DD: a digest's key with its owner. */
export const digestDay = (now: Date) => now.toISOString().slice(0, 10)

/**
 * Queues the digests due now, one per owner with alerts waiting: an owner who takes a daily
 * digest gets it at the first run once the digest hour (UTC) has passed; alerts left waiting
 * when an owner went back to one email per alert go out at the next run. Never two for one
 * owner on one UTC day, however many runs race (the digest is unique per owner and day); what
 * comes in after today's digest waits for tomorrow's.
 */
export async function queueDigests(store: Store, o: { host: string; now: Date }) {
  const day = digestDay(o.now)
  const owners = await ownersWaiting(store.db, day)
  if (owners.length === 0) return []
  const { digestHour } = await alertDelivery(store.db)
  const hourPassed = o.now.getUTCHours() >= digestHour
  const ids: string[] = []
  for (const owner of owners) {
    if (owner.daily && !hourPassed) continue
    const id = `${day}.${crypto.randomUUID()}`
    ids.push(id)
    const [first, ...rest] = digestStatements(store.db, {
      id,
      ownerEmail: owner.ownerEmail,
      day,
      host: o.host,
      now: o.now,
    })
    await store.atomic([first!, ...rest])
  }
  return writtenDigests(store.db, ids)
}
