import { eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import { waves } from '../db/schema'
import type { AppEnv } from '../env'
import { assertAlertsAllowed } from '../auth/alert-access'
import { alertRulesBody, defaultAlertRules } from './alert-rules'
import { ApiError } from '../lib/errors'
import { validate, waveParam } from '../lib/validate'
import { managedWaveSurvey } from '../auth/wave-access'
import { reportLabels } from '../surveys/report-labels'
import { waveFollowUp } from './follow-up-figures'

const rulesBody = z
  .object({
    // null: back to the default rules; []: no alerts for this wave.
    rules: alertRulesBody.nullable(),
    ownerEmail: z.email().max(254).nullable().optional(),
  })
  .strict()

/** A wave this user runs, that may have alerts (never an employee wave). */
async function managedWave(c: Parameters<typeof managedWaveSurvey>[0], id: string) {
  const loaded = await managedWaveSurvey(c, id)
  assertAlertsAllowed(loaded.wave)
  return loaded
}

const view = (wave: { alertRules: unknown; ownerEmail: string | null }) => ({
  rules: (wave.alertRules as typeof defaultAlertRules | null) ?? defaultAlertRules,
  isDefault: wave.alertRules === null,
  defaultRules: defaultAlertRules,
  ownerEmail: wave.ownerEmail,
})

/** A wave's alert rules and owner (closing the loop), and how its follow-ups are going. */
export const waveAlertsRoute = new Hono<AppEnv>()
  .get('/:id/alert-rules', requireRole(), validate('param', waveParam), async (c) => {
    const { wave } = await managedWave(c, c.req.valid('param').id)
    return c.json({ ...view(wave), followUp: await waveFollowUp(c.var.db, wave.id) }, 200)
  })
  .put(
    '/:id/alert-rules',
    requireRole(),
    validate('param', waveParam),
    validate('json', rulesBody),
    async (c) => {
      const { wave, survey } = await managedWave(c, c.req.valid('param').id)
      const body = c.req.valid('json')
      const keys = reportLabels(survey.definition).attributes.map((a) => a.key)
      const unknown = (body.rules ?? []).find(
        (r) => r.field === 'attribute' && !keys.includes(r.key),
      )
      if (unknown && unknown.field === 'attribute')
        throw new ApiError(
          'BAD_REQUEST',
          `rules: "${unknown.key}" is not an attribute of this survey (${keys.join(', ')})`,
        )
      const [updated] = await c.var.db
        .update(waves)
        .set({
          alertRules: body.rules,
          ...(body.ownerEmail !== undefined && {
            ownerEmail: body.ownerEmail?.toLowerCase() ?? null,
          }),
        })
        .where(eq(waves.id, wave.id))
        .returning()
      return c.json(view(updated!), 200)
    },
  )
