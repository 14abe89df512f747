import { Hono } from 'hono'
import { stream } from 'hono/streaming'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import { managedWaveSurvey, readableWaveSurvey } from '../auth/wave-access'
import { getInvitation } from '../db/invitations'
import { waveState } from '../db/waves'
import type { AppEnv } from '../env'
import { csvFileName, csvHeaders } from '../lib/csv-download'
import { ApiError } from '../lib/errors'
import { validate, waveParam } from '../lib/validate'
import { isAnonymous } from '../surveys/audiences'
import { exportResponses } from './export-responses'
import { submitResponse } from './submit-response'

const interviewBody = z
  .object({
    invitationId: z.string().min(1).max(64),
    mode: z.enum(['phone', 'face_to_face']),
    data: z.record(z.string(), z.unknown()),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()

/** A wave's responses: keyed interviews in, the raw responses CSV out (never an employee wave's). */
export const responsesRoute = new Hono<AppEnv>()
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
      // Keying an employee's answers in their name would tie them to the person (and use up
      // the employee's own link): employee waves take answers only through their links.
      if (isAnonymous(loaded.wave.audience))
        throw new ApiError(
          'FORBIDDEN',
          `Wave ${loaded.wave.id} is an employee survey: interviews are not keyed in an employee's name`,
        )
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
  .get('/:id/responses.csv', requireRole(), validate('param', waveParam), async (c) => {
    const { wave } = await readableWaveSurvey(c, c.req.valid('param').id)
    if (isAnonymous(wave.audience))
      throw new ApiError(
        'FORBIDDEN',
        `Wave ${wave.id} is an employee survey: its responses are anonymous and are only reported for groups`,
      )
    for (const [k, v] of Object.entries(csvHeaders(csvFileName(wave.name, 'responses'))))
      c.header(k, v)
    return stream(c, async (s) => {
      await exportResponses(c.var.db, wave.id, (chunk) => s.write(chunk))
    })
  })
