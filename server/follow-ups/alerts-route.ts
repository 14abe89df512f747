import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import { getAlert, listAlertNotes, listAlerts, updateAlert } from '../db/alert-queries'
import { alertStatuses } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import type { AppEnv } from '../env'
import { alertAudiences, assertCanFollowUp } from '../auth/alert-access'
import {
  alertDeliveries,
  alertDelivery,
  alertDeliveryBody,
  alertOverdueDays,
  alertTeam,
  ownerDelivery,
  saveAlertDelivery,
  saveAlertOverdueDays,
  saveAlertTeam,
  saveOwnerDelivery,
} from './alert-settings'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { reportLabels } from '../surveys/report-labels'
import { englishAcknowledgement, saveEnglishAcknowledgement } from './follow-up-content'

const listQuery = z
  .object({
    status: z.enum(alertStatuses).optional(),
    owner: z.string().max(254).optional(),
    wave: z.string().max(64).optional(),
    overdue: z.enum(['1', 'true']).optional(),
    // `<epoch seconds>:<alert id>` of the last row of the previous page (`next` of that page).
    before: z
      .string()
      .regex(/^\d{1,12}:[\w-]{1,64}$/, 'must be the `next` value of the previous page')
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict()
const idParam = z.object({ id: z.string().min(1).max(64) })
const changeBody = z
  .object({
    status: z.enum(alertStatuses).optional(),
    note: z.string().trim().min(1).max(5000).optional(),
  })
  .strict()
  .refine((b) => b.status || b.note, 'give a status, a note, or both')
const audienceParam = z.object({ audience: z.enum(['customer', 'wholesaler', 'retailer']) })
const ackBody = z
  .object({
    subject: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(5000),
  })
  .strict()
  .nullable()
const settingsBody = z
  .object({
    overdueDays: z.number().int().min(1).max(90).optional(),
    // Who takes alerts in turn when neither the contact nor the wave has an owner.
    team: z.array(z.email().max(254)).max(50).optional(),
    // How owners hear of alerts: one email each, or a daily digest at this hour (UTC).
    ...alertDeliveryBody.shape,
  })
  .strict()
// The signed-in owner's own choice; null: the programme's.
const mineBody = z.object({ delivery: z.enum(alertDeliveries).nullable() }).strict()

const day = 86_400_000

/** Closing the loop: the follow-up list, one alert with its response, and the settings. */
export const alertsRoute = new Hono<AppEnv>()
  .get('/', requireRole(), validate('query', listQuery), async (c) => {
    const q = c.req.valid('query')
    const overdueDays = await alertOverdueDays(c.var.db)
    const now = Date.now()
    const rows = await listAlerts(c.var.db, {
      audiences: alertAudiences(c.var.user),
      status: q.status,
      owner: q.owner,
      waveId: q.wave,
      overdueBefore: q.overdue ? new Date(now - overdueDays * day) : undefined,
      before: q.before
        ? {
            createdAt: new Date(Number(q.before.split(':')[0]) * 1000),
            id: q.before.split(':')[1]!,
          }
        : undefined,
      limit: q.limit,
    })
    const alerts = rows.map((a) => ({
      ...a,
      overdue: a.status !== 'resolved' && now - a.createdAt.getTime() > overdueDays * day,
    }))
    return c.json(
      {
        alerts,
        overdueDays,
        next:
          rows.length === q.limit
            ? `${Math.floor(rows.at(-1)!.createdAt.getTime() / 1000)}:${rows.at(-1)!.id}`
            : null,
      },
      200,
    )
  })
  .get('/settings', requireRole(), async (c) => {
    const acknowledgements = []
    for (const audience of ['customer', 'wholesaler', 'retailer'] as const)
      acknowledgements.push(await englishAcknowledgement(c.var.db, audience))
    return c.json(
      {
        overdueDays: await alertOverdueDays(c.var.db),
        team: await alertTeam(c.var.db),
        ...(await alertDelivery(c.var.db)),
        mine: await ownerDelivery(c.var.db, c.var.user.email),
        acknowledgements,
      },
      200,
    )
  })
  .put('/settings', requireRole('admin', 'manager'), validate('json', settingsBody), async (c) => {
    const body = c.req.valid('json')
    if (body.overdueDays !== undefined) await saveAlertOverdueDays(c.var.db, body.overdueDays)
    const team = body.team ? await saveAlertTeam(c.var.db, body.team) : await alertTeam(c.var.db)
    const delivery = await saveAlertDelivery(c.var.db, body)
    return c.json({ overdueDays: await alertOverdueDays(c.var.db), team, ...delivery }, 200)
  })
  .put('/settings/mine', requireRole(), validate('json', mineBody), async (c) => {
    await saveOwnerDelivery(c.var.db, c.var.user.email, c.req.valid('json').delivery)
    return c.json({ mine: await ownerDelivery(c.var.db, c.var.user.email) }, 200)
  })
  .put(
    '/acknowledgements/:audience',
    requireRole('admin', 'manager'),
    validate('param', audienceParam),
    validate('json', ackBody),
    async (c) => {
      const { audience } = c.req.valid('param')
      await saveEnglishAcknowledgement(c.var.db, audience, c.req.valid('json'))
      return c.json(await englishAcknowledgement(c.var.db, audience), 200)
    },
  )
  .get('/:id', requireRole(), validate('param', idParam), async (c) => {
    const alert = await getAlert(c.var.db, c.req.valid('param').id)
    if (!alert) throw new ApiError('NOT_FOUND', `No alert ${c.req.valid('param').id}`)
    assertCanFollowUp(c.var.user, alert)
    const loaded = await loadWaveSurvey(c.var.db, alert.waveId)
    return c.json(
      {
        alert: { ...alert, answers: undefined },
        response: { answers: alert.answers, mode: alert.mode, submittedAt: alert.submittedAt },
        labels: loaded ? reportLabels(loaded.survey.definition) : null,
        notes: await listAlertNotes(c.var.db, alert.id),
        overdueDays: await alertOverdueDays(c.var.db),
      },
      200,
    )
  })
  .patch(
    '/:id',
    requireRole(),
    validate('param', idParam),
    validate('json', changeBody),
    async (c) => {
      const alert = await getAlert(c.var.db, c.req.valid('param').id)
      if (!alert) throw new ApiError('NOT_FOUND', `No alert ${c.req.valid('param').id}`)
      assertCanFollowUp(c.var.user, alert)
      const body = c.req.valid('json')
      await updateAlert(c.var, alert, { ...body, authorEmail: c.var.user.email, now: new Date() })
      const updated = (await getAlert(c.var.db, alert.id))!
      return c.json(
        {
          alert: { ...updated, answers: undefined },
          notes: await listAlertNotes(c.var.db, alert.id),
        },
        200,
      )
    },
  )
