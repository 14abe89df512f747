import { z } from 'zod'
import { reportingPeriods } from '../../reports/periods'
import { wholeNumber } from '../lib/validate'

/** `YYYY-MM-DD` opens at the start of that day and closes at its end (UTC), as `csi wave create`. */
export function parseWaveDate(value: string, day: 'start' | 'end'): Date {
  const time = day === 'end' ? 'T23:59:59Z' : 'T00:00:00Z'
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}${time}`) : new Date(value)
}

const dateText = (day: 'start' | 'end') =>
  z
    .string({ error: 'must be a date (YYYY-MM-DD or ISO 8601)' })
    .trim()
    .max(40, 'must be a date (YYYY-MM-DD or ISO 8601)')
    .refine((s) => s === '' || !Number.isNaN(parseWaveDate(s, day).getTime()), {
      error: (i) => `"${String(i.input)}" is not a date (use YYYY-MM-DD or ISO 8601)`,
    })
    .nullish()

/** A continuous wave's results come per calendar month or quarter (UTC); null: pooled. */
const reportingPeriod = z
  .enum(reportingPeriods, { error: `must be one of ${reportingPeriods.join(', ')}, or null` })
  .nullable()

/** `PATCH /api/waves/:id`: what may change on a wave in the field. */
export const updateWaveBody = z
  .object({ reportingPeriod: reportingPeriod.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { error: 'nothing to change: give reportingPeriod' })

/** `POST /api/waves`: the options of `csi wave create`, checked with the same rules. */
export const createWaveBody = z
  .object({
    surveyId: z.string({ error: 'required' }).trim().min(1, 'required').max(64),
    name: z
      .string({ error: 'required' })
      .trim()
      .min(1, 'must not be empty')
      .max(200, 'must be at most 200 characters'),
    opensAt: dateText('start'),
    closesAt: dateText('end'),
    remindAfterDays: wholeNumber(0, 365).default(3),
    maxReminders: wholeNumber(0, 10).default(2),
    openLink: z.boolean({ error: 'must be true or false' }).default(false),
    reportingPeriod: reportingPeriod.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const opens = b.opensAt ? parseWaveDate(b.opensAt, 'start') : null
    const closes = b.closesAt ? parseWaveDate(b.closesAt, 'end') : null
    if (closes && closes <= new Date())
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: `${b.closesAt} is in the past` })
    if (opens && closes && opens >= closes)
      ctx.addIssue({
        code: 'custom',
        path: ['opensAt'],
        message: `${b.opensAt} is not before closesAt ${b.closesAt}`,
      })
  })
  .transform((b) => ({
    ...b,
    opensAt: b.opensAt ? parseWaveDate(b.opensAt, 'start') : null,
    closesAt: b.closesAt ? parseWaveDate(b.closesAt, 'end') : null,
  }))
