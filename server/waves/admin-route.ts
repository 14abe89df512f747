import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import type { AppEnv } from '../env'
import { validate } from '../lib/validate'
import {
  closeManagedWave,
  createManagedWave,
  importContactText,
  inviteWave,
  managedWave,
  remindWave,
} from './wave-admin'
import {
  createWaveBody,
  emptyBody,
  importContactsBody,
  remindBody,
  waveParam,
} from './wave-bodies'

/** Running a wave from the dashboard: create, import contacts, invite, remind, close. */
export const waveAdminRoute = new Hono<AppEnv>()
  .post('/', requireRole(), validate('json', createWaveBody), async (c) => {
    return c.json(await createManagedWave(c.var, c.req.valid('json')), 201)
  })
  .post(
    '/:id/close',
    requireRole(),
    validate('param', waveParam),
    validate('json', emptyBody),
    async (c) => {
      const wave = await managedWave(c.var, c.req.valid('param').id)
      return c.json(await closeManagedWave(c.var, wave), 200)
    },
  )
  .post(
    '/:id/contacts',
    requireRole(),
    validate('param', waveParam),
    validate('json', importContactsBody),
    async (c) => {
      const wave = await managedWave(c.var, c.req.valid('param').id)
      const store = { db: c.var.db, atomic: c.var.atomic }
      return c.json(await importContactText(store, wave, c.req.valid('json').csv), 200)
    },
  )
  .post(
    '/:id/invite',
    requireRole(),
    validate('param', waveParam),
    validate('json', emptyBody),
    async (c) => {
      const wave = await managedWave(c.var, c.req.valid('param').id)
      return c.json(await inviteWave(c.var, wave), 202)
    },
  )
  .post(
    '/:id/remind',
    requireRole(),
    validate('param', waveParam),
    validate('json', remindBody),
    async (c) => {
      const wave = await managedWave(c.var, c.req.valid('param').id)
      return c.json(await remindWave(c.var, wave, c.req.valid('json')), 202)
    },
  )
