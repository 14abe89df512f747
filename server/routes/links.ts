import { Hono } from 'hono'
import { z } from 'zod'
import { resolveLink } from '../db/links'
import { DuplicateSubmissionError, insertResponse } from '../db/responses'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { linkProblem } from '../lib/link-problem'
import { validate } from '../lib/validate'
import { ratingCode } from '../../reports'
import { validateAnswers } from '../surveys'
import { aggregateUpserts, responseDeltas } from '../db/aggregates'
import { presentSegments, responseRecord } from '../lib/response-record'

const submitBody = z
  .object({
    data: z.record(z.string(), z.unknown()),
    submissionKey: z
      .string()
      .regex(/^[A-Za-z0-9-]{8,64}$/, 'must be 8–64 letters, digits or dashes'),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()

const tokenParam = z.object({ token: z.string().max(128) })

export const linksRoute = new Hono<AppEnv>()
  .get('/:token', validate('param', tokenParam), async (c) => {
    const link = await resolveLink(c.var.db, c.req.valid('param').token, new Date())
    if (link.state !== 'open') throw linkProblem(link.state)
    const { wave, survey } = link
    return c.json(
      {
        wave: { id: wave.id, name: wave.name, closesAt: wave.closesAt?.toISOString() ?? null },
        survey: { id: survey.surveyId, version: survey.version, definition: survey.definition },
      },
      200,
    )
  })
  .post(
    '/:token/responses',
    validate('param', tokenParam),
    validate('json', submitBody),
    async (c) => {
      const now = new Date()
      const link = await resolveLink(c.var.db, c.req.valid('param').token, now)
      if (link.state !== 'open') throw linkProblem(link.state)
      const body = c.req.valid('json')
      const checked = validateAnswers(link.survey.definition, body.data)
      if (!checked.ok) {
        const issues = checked.issues.map((i) => ({
          path: `data.${i.question}`,
          message: i.message,
        }))
        throw new ApiError('BAD_REQUEST', issues.map((i) => i.message).join('; '), issues)
      }
      const record = responseRecord(link.wave.audience, link.survey.definition, checked.data)
      const deltas = responseDeltas(link.spec, record)
      try {
        await insertResponse(
          c.var,
          {
            waveId: link.wave.id,
            surveyId: link.survey.surveyId,
            surveyVersion: link.survey.version,
            audience: link.wave.audience,
            mode: 'web',
            answers: checked.data,
            segments: presentSegments(record.segments),
            ratings: ratingCode(record, link.spec),
            submissionKey: body.submissionKey,
            startedAt: body.startedAt ? new Date(body.startedAt) : null,
            submittedAt: now,
          },
          aggregateUpserts(c.var.db, link.wave.id, deltas),
        )
      } catch (err) {
        if (err instanceof DuplicateSubmissionError) {
          throw new ApiError('CONFLICT', 'This response was already submitted; it was stored once.')
        }
        throw err
      }
      return c.json({ status: 'received' as const }, 201)
    },
  )
