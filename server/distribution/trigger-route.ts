import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import { managedWave } from '../auth/wave-access'
import type { AppEnv } from '../env'
import { validate, waveParam } from '../lib/validate'
import { triggerInvitation } from './trigger-invitation'
import { triggerInvitationBody } from './trigger-schemas'

/** `POST /api/waves/:id/invitations`: one invitation from a CRM event (SPEC §5.7). */
export const triggerRoute = new Hono<AppEnv>().post(
  '/:id/invitations',
  requireRole(),
  validate('param', waveParam),
  validate('json', triggerInvitationBody),
  async (c) => {
    const wave = await managedWave(c, c.req.valid('param').id)
    const store = { db: c.var.db, atomic: c.var.atomic }
    const host = new URL(c.var.config.publicUrl).hostname
    const { code, answer } = await triggerInvitation(store, wave, c.req.valid('json'), host)
    // Due now: start this process's sender (on Workers, a queue message); a later sendAt is
    // picked up by the scheduled run when it comes due.
    const sending =
      answer.status === 'queued' &&
      Date.parse(answer.invitation.sendAt!) <= Date.now() &&
      c.var.startSending(wave.id)
    return c.json({ ...answer, sending }, code)
  },
)
