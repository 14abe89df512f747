import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import { getInvitation, searchInvitations } from '../db/invitations'
import { listWaves, waveState } from '../db/waves'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { submitResponse } from '../responses/submit-response'
import { validate } from '../lib/validate'
import { canManage, managedWaveSurvey } from '../auth/wave-access'
import { waveSummary } from './wave-summary'

const waveParam = z.object({ id: z.string().min(1).max(64) })
const invitationQuery = z.object({
  q: z.string().max(200).default(''),
  after: z.string().max(254).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})
const interviewBody = z
  .object({
    invitationId: z.string().min(1).max(64),
    mode: z.enum(['phone', 'face_to_face']),
    data: z.record(z.string(), z.unknown()),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()

/** Waves and their fieldwork for signed-in staff: the list, invitees, and keyed interviews. */
export const fieldworkRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) => {
    const now = new Date()
    const waves = []
    for (const w of await listWaves(c.var.db)) {
      if (canManage(c.var.user, w.audience)) waves.push(await waveSummary(c.var.db, w, now))
    }
    return c.json({ waves }, 200)
  })
  .get('/:id/survey', requireRole(), validate('param', waveParam), async (c) => {
    const { wave, survey } = await managedWaveSurvey(c, c.req.valid('param').id)
    return c.json(
      {
        wave: {
          id: wave.id,
          name: wave.name,
          audience: wave.audience,
          state: waveState(wave, new Date()),
        },
        survey: { id: survey.surveyId, version: survey.version, definition: survey.definition },
      },
      200,
    )
  })
  .get(
    '/:id/invitations',
    requireRole(),
    validate('param', waveParam),
    validate('query', invitationQuery),
    async (c) => {
      const { wave } = await managedWaveSurvey(c, c.req.valid('param').id)
      const q = c.req.valid('query')
      const rows = await searchInvitations(
        c.var.db,
        wave.id,
        q.q.trim().toLowerCase(),
        q.after,
        q.limit,
      )
      return c.json(
        {
          invitations: rows.map((r) => ({
            id: r.id,
            email: r.email,
            name: r.name,
            segments: r.segments,
            status: r.status,
          })),
          next: rows.length === q.limit ? rows[rows.length - 1]!.email : null,
        },
        200,
      )
    },
  )
  // An interviewer keys a contact's answers during a phone or face-to-face interview: the same
  // validation and one-response-per-invitation rule as the emailed link, with the mode recorded.
  .post(
    '/:id/interviews',
    requireRole(),
    validate('param', waveParam),
    validate('json', interviewBody),
    async (c) => {
      const now = new Date()
      const loaded = await managedWaveSurvey(c, c.req.valid('param').id)
      const body = c.req.valid('json')
      const state = waveState(loaded.wave, now)
      if (state !== 'open')
        throw new ApiError(
          state === 'closed' ? 'GONE' : 'FORBIDDEN',
          `Wave ${loaded.wave.id} is ${state}: it takes no responses`,
        )
      const invitation = await getInvitation(c.var.db, loaded.wave.id, body.invitationId)
      if (!invitation)
        throw new ApiError(
          'NOT_FOUND',
          `invitationId: no invitee ${body.invitationId} in wave ${loaded.wave.id}`,
        )
      if (invitation.responded)
        throw new ApiError('CONFLICT', `${invitation.email} has already responded in this wave`)
      const { alert } = await submitResponse(
        c.var,
        { state: 'open', ...loaded, invitation },
        {
          data: body.data,
          startedAt: body.startedAt ? new Date(body.startedAt) : null,
          mode: body.mode,
          now,
          host: new URL(c.var.config.publicUrl).hostname,
        },
      )
      if (alert) c.var.startSending(loaded.wave.id)
      return c.json({ status: 'received' as const, mode: body.mode }, 201)
    },
  )
