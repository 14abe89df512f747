import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import { getContactFrequencyDays, setContactFrequencyDays } from '../db/contact-frequency'
import type { AppEnv } from '../env'
import { validate, wholeNumber } from '../lib/validate'

// 0 turns the rule off; a year and a half is the longest rule we have seen asked for.
export const contactFrequencyBody = z.object({ days: wholeNumber(0, 540) }).strict()

/** The programme's contact-frequency rule: nobody is surveyed more than once in N days. */
export const contactFrequencyRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) =>
    c.json({ days: await getContactFrequencyDays(c.var.db) }, 200),
  )
  .put('/', requireRole('admin'), validate('json', contactFrequencyBody), async (c) => {
    const { days } = c.req.valid('json')
    await setContactFrequencyDays(c.var.db, days)
    return c.json({ days }, 200)
  })
