import { Hono } from 'hono'
import { z } from 'zod'
import { MIN_GROUP_FLOOR } from '../../reports'
import { requireRole } from '../auth/require-role'
import { anonymityThresholds, saveAnonymityThresholds } from '../db/anonymity-settings'
import { bandsSchema, programmeBands, saveProgrammeBands } from '../db/band-settings'
import type { AppEnv } from '../env'
import { validate, wholeNumber } from '../lib/validate'

/** The checks of the anonymity thresholds, shared with `csi settings set`. */
export const anonymityBody = z
  .object({
    minGroup: wholeNumber(MIN_GROUP_FLOOR, 50),
    minComments: wholeNumber(MIN_GROUP_FLOOR, 100),
  })
  .strict()
  .refine((t) => t.minComments >= t.minGroup, {
    path: ['minComments'],
    message: 'must be at least minGroup: a comment says more about its writer than a score',
  })

/**
 * Programme settings: the anonymity thresholds every employee result is held to, and the bands
 * and scale every report uses.
 */
export const settingsRoute = new Hono<AppEnv>()
  .get('/anonymity', requireRole(), async (c) => {
    return c.json({ ...(await anonymityThresholds(c.var.db)), floor: MIN_GROUP_FLOOR }, 200)
  })
  .put('/anonymity', requireRole('admin'), validate('json', anonymityBody), async (c) => {
    await saveAnonymityThresholds(c.var.db, c.req.valid('json'))
    return c.json({ ...(await anonymityThresholds(c.var.db)), floor: MIN_GROUP_FLOOR }, 200)
  })
  .get('/bands', requireRole(), async (c) => c.json(await programmeBands(c.var.db), 200))
  .put('/bands', requireRole('admin'), validate('json', bandsSchema), async (c) => {
    await saveProgrammeBands(c.var.db, c.req.valid('json'))
    return c.json(await programmeBands(c.var.db), 200)
  })
