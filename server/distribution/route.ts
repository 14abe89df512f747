import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import { managedWave } from '../auth/wave-access'
import { searchInvitations } from '../db/invitations'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { emptyBody, validate, waveParam, wholeNumber } from '../lib/validate'
import { isAnonymous } from '../surveys/audiences'
import { importContactText, inviteWave, remindWave } from './wave-sending'

const invitationQuery = z.object({
  q: z.string().max(200).default(''),
  after: z.string().max(254).default(''),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

const importContactsBody = z
  .object({
    csv: z
      .string({ error: 'must be the contact file as text' })
      .refine((s) => s.trim() !== '', 'the file is empty'),
  })
  .strict()

/** `POST /api/waves/:id/remind`: the rule of `csi remind`; the wave's own settings by default. */
const remindBody = z
  .object({ afterDays: wholeNumber(0, 365).optional(), max: wholeNumber(0, 10).optional() })
  .strict()

/** A wave's invitees: import the contact list, search it, invite, remind. */
export const distributionRoute = new Hono<AppEnv>()
  .post(
    '/:id/contacts',
    requireRole(),
    validate('param', waveParam),
    validate('json', importContactsBody),
    async (c) => {
      const wave = await managedWave(c, c.req.valid('param').id)
      const store = { db: c.var.db, atomic: c.var.atomic }
      return c.json(await importContactText(store, wave, c.req.valid('json').csv), 200)
    },
  )
  .get(
    '/:id/invitations',
    requireRole(),
    validate('param', waveParam),
    validate('query', invitationQuery),
    async (c) => {
      const wave = await managedWave(c, c.req.valid('param').id)
      if (isAnonymous(wave.audience))
        throw new ApiError(
          'FORBIDDEN',
          `Wave ${wave.id} is an employee survey: who responded is never shown, only counts`,
        )
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
  .post(
    '/:id/invite',
    requireRole(),
    validate('param', waveParam),
    validate('json', emptyBody),
    async (c) => {
      const wave = await managedWave(c, c.req.valid('param').id)
      return c.json(await inviteWave(c.var, wave), 202)
    },
  )
  .post(
    '/:id/remind',
    requireRole(),
    validate('param', waveParam),
    validate('json', remindBody),
    async (c) => {
      const wave = await managedWave(c, c.req.valid('param').id)
      return c.json(await remindWave(c.var, wave, c.req.valid('json')), 202)
    },
  )
