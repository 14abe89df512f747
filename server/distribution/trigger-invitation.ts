import { eq } from 'drizzle-orm'
import type { Store } from '../db/client'
import { getContactFrequencyDays, surveyedWithin } from '../db/contact-frequency'
import { isOptedOut } from '../db/opt-outs'
import { waves } from '../db/schema'
import {
  findWaveInvitation,
  insertTriggeredInvitation,
  invitationSendAt,
} from '../db/triggered-invitations'
import { contactColumns } from '../db/wave-survey'
import { waveState, type Wave } from '../db/waves'
import { ApiError } from '../lib/errors'
import { rebuildWaveAggregates } from '../responses/rebuild-aggregates'
import { isAnonymous } from '../surveys/audiences'
import type { TriggerInvitationBody } from './trigger-schemas'

// A CRM's clock may run a little behind ours: "now" from it is not "in the past".
const CLOCK_SKEW_MS = 5 * 60_000

const refuse = (field: string, message: string): never => {
  throw new ApiError('BAD_REQUEST', `${field}: ${message}`, [{ path: field, message }])
}

/** When the invitation goes out: now, or `sendAt`, inside the wave's open period. */
function dueTime(wave: Wave, sendAt: string | undefined, now: Date) {
  if (waveState(wave, now) === 'closed')
    throw new ApiError('GONE', `Wave ${wave.id} is closed; no invitation was queued`)
  const opens = wave.opensAt && wave.opensAt > now ? wave.opensAt : now
  if (sendAt === undefined) return opens
  const at = new Date(sendAt)
  if (at.getTime() < now.getTime() - CLOCK_SKEW_MS) refuse('sendAt', 'is in the past')
  if (wave.closesAt && at >= wave.closesAt)
    refuse('sendAt', `is after the wave closes (${wave.closesAt.toISOString()})`)
  return at < opens ? opens : at
}

const view = (i: { id: string; email: string; dedupeKey: string | null }, sendAt: Date | null) => ({
  id: i.id,
  email: i.email,
  dedupeKey: i.dedupeKey,
  sendAt: sendAt?.toISOString() ?? null,
})

/**
 * One invitation triggered by a CRM event (SPEC §5.7). Answers what happened: `queued` (201),
 * or, with nothing sent, `duplicate` (the dedupe key was seen: the first invitation),
 * `already-invited` (this address is in the wave), `opted-out`, or `too-soon` (the
 * contact-frequency rule: surveyed less than N days before or after, in any wave).
 */
export async function triggerInvitation(
  store: Store,
  wave: Wave,
  body: TriggerInvitationBody,
  host: string,
  now = new Date(),
) {
  if (body.segments && isAnonymous(wave.audience))
    refuse('segments', 'an employee wave takes segments from its contact file only')
  const sendAt = dueTime(wave, body.sendAt, now)
  const days = await getContactFrequencyDays(store.db)
  const rule = (lastSurveyedAt: Date | null) => ({
    days,
    lastSurveyedAt: lastSurveyedAt?.toISOString() ?? null,
  })
  const contact = {
    email: body.email,
    name: body.name ?? null,
    language: body.language ?? null,
    segments: body.segments ?? {},
    dedupeKey: body.dedupeKey ?? null,
  }
  const earlier = async () => {
    const found = await findWaveInvitation(store.db, wave.id, contact)
    if (!found) return null
    const status = found.match === 'dedupeKey' ? 'duplicate' : 'already-invited'
    const at = await invitationSendAt(store.db, found.invitation.id)
    return { status, invitation: view(found.invitation, at), contactFrequency: rule(null) } as const
  }
  const before = await earlier()
  if (before) return { code: 200 as const, answer: before }
  if (await isOptedOut(store.db, contact.email))
    return {
      code: 200 as const,
      answer: { status: 'opted-out', invitation: null, contactFrequency: rule(null) } as const,
    }
  const last = await surveyedWithin(store.db, contact.email, sendAt, days)
  if (last)
    return {
      code: 200 as const,
      answer: { status: 'too-soon', invitation: null, contactFrequency: rule(last) } as const,
    }
  const created = await insertTriggeredInvitation(store, wave.id, contact, sendAt, host)
  // Lost a race to a request with the same key or address: answer with the winner's.
  if (!created) return { code: 200 as const, answer: (await earlier())! }
  await keepContactColumns(store, wave, Object.keys(contact.segments))
  return {
    code: 201 as const,
    answer: {
      status: 'queued',
      invitation: view(created, sendAt),
      contactFrequency: rule(null),
    } as const,
  }
}

/** New segment columns become report segments, as a contact import's do. */
async function keepContactColumns(store: Store, wave: Wave, keys: readonly string[]) {
  const stored = wave.contactColumns ?? []
  if (keys.every((k) => stored.includes(k))) return
  const columns = await contactColumns(store.db, wave.id)
  await store.db.update(waves).set({ contactColumns: columns }).where(eq(waves.id, wave.id))
  if (!isAnonymous(wave.audience))
    await rebuildWaveAggregates(store, wave.id, { fromAnswers: true })
}
