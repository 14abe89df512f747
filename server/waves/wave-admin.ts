import type { SessionUser } from '../auth/require-role'
import type { Store } from '../db/client'
import { enqueueInvitations, enqueueReminders, pendingSummary } from '../db/outbox'
import type { Audience } from '../db/schema'
import { getSurvey, listSurveys } from '../db/surveys'
import type { Wave } from '../db/waves'
import { closeWave, createWave, getWave, waveState } from '../db/waves'
import type { AppEnv } from '../env'
import { importContacts } from '../distribution/contacts-import'
import { ImportRefused } from '../db/staging'
import { csvTextBatches } from '../lib/csv-text-rows'
import { ApiError } from '../lib/errors'
import { assertCanManage, canManage } from '../auth/wave-access'
import type { createWaveBody } from './wave-bodies'
import { waveSummary } from './wave-summary'

type Vars = AppEnv['Variables'] & { user: SessionUser }
type CreateWave = ReturnType<(typeof createWaveBody)['parse']>

const whoseWaves = (audience: Audience) => (audience === 'employee' ? 'HR' : 'managers')

/** Creates a wave of a survey this user may run; the open link's URL is shown this once. */
export async function createManagedWave(v: Vars, body: CreateWave) {
  const survey = await getSurvey(v.db, body.surveyId)
  if (!survey) {
    const known = (await listSurveys(v.db)).filter((s) => canManage(v.user, s.audience))
    const message = `no survey "${body.surveyId}" (known: ${known.map((s) => s.id).join(', ')})`
    throw new ApiError('BAD_REQUEST', `surveyId: ${message}`, [{ path: 'surveyId', message }])
  }
  if (!canManage(v.user, survey.audience))
    throw new ApiError(
      'FORBIDDEN',
      `surveyId: ${survey.id} is ${survey.audience === 'employee' ? 'an' : 'a'} ${survey.audience} survey: its waves are for ${whoseWaves(survey.audience)}`,
    )
  const { wave, openLinkToken } = await createWave(v.db, { ...body, surveyId: survey.id })
  const base = v.config.publicUrl.replace(/\/+$/, '')
  return {
    wave: await waveSummary(v.db, wave, new Date()),
    openLink: openLinkToken ? `${base}/s/${openLinkToken}` : null,
  }
}

/** The wave, when this user may run its fieldwork. */
export async function managedWave(v: Vars, id: string) {
  const wave = await getWave(v.db, id)
  if (!wave) throw new ApiError('NOT_FOUND', `No wave ${id}`)
  assertCanManage(v.user, wave)
  return wave
}

/** Closes the wave now (links stop working); a wave already closed is left as it was. */
export async function closeManagedWave(v: Vars, wave: Wave) {
  const now = new Date()
  if (!wave.closedAt) await closeWave(v.db, wave.id, now)
  return { wave: await waveSummary(v.db, (await getWave(v.db, wave.id))!, now) }
}

/** A contact file sent as text: all rows or none, each bad row named as the CLI names it. */
export async function importContactText(store: Store, wave: Wave, csv: string) {
  try {
    const r = await importContacts(store, wave, csvTextBatches(csv))
    const { added, updated, optedOut, segments } = r
    return { imported: r.rows, added, updated, optedOut, segments }
  } catch (err) {
    if (!(err instanceof ImportRefused)) throw err
    const listed =
      err.problems.length < err.total ? ` (the first ${err.problems.length} listed)` : ''
    throw new ApiError(
      'BAD_REQUEST',
      `csv: ${err.message.split('\n')[0]}${listed}`,
      err.problems.map((p) => ({ path: `row ${p.row}`, message: p.message })),
    )
  }
}

function assertSendable(wave: Wave, what: string) {
  const state = waveState(wave, new Date())
  if (state === 'closed')
    throw new ApiError(
      'GONE',
      `Wave ${wave.id} is closed; its links no longer work, so no ${what} were queued`,
    )
  if (state === 'not-yet-open')
    throw new ApiError(
      'CONFLICT',
      `Wave ${wave.id} opens on ${wave.opensAt!.toISOString().slice(0, 10)}; send ${what} once it is open`,
    )
}

/** Queues what `queue` finds to send, then starts this process's sender when there is one. */
async function queueAndSend(v: Vars, wave: Wave, what: string, queue: () => Promise<number>) {
  assertSendable(wave, what)
  const queued = await queue()
  const { pending } = await pendingSummary(v.db, wave.id)
  // Without a sender (no mail configured), the rows wait in the outbox for the next one (the
  // Worker's cron, `csi invite`); they are never lost.
  const sending = pending > 0 && v.startSending(wave.id)
  return { queued, pending, sending }
}

export function inviteWave(v: Vars, wave: Wave) {
  const host = new URL(v.config.publicUrl).hostname
  const store = { db: v.db, atomic: v.atomic }
  return queueAndSend(v, wave, 'invitations', () =>
    enqueueInvitations(store, wave.id, host, new Date()),
  )
}

export function remindWave(v: Vars, wave: Wave, rule: { afterDays?: number; max?: number }) {
  const host = new URL(v.config.publicUrl).hostname
  const store = { db: v.db, atomic: v.atomic }
  const full = {
    afterDays: rule.afterDays ?? wave.remindAfterDays,
    max: rule.max ?? wave.maxReminders,
  }
  return queueAndSend(v, wave, 'reminders', () =>
    enqueueReminders(store, wave.id, full, host, new Date()),
  )
}
