import { z } from 'zod'
import { audiences } from '../db/schema'

// `new` is the dashboard's import page (/surveys/new), so no survey may be called that.
export const SURVEY_ID = /^(?!new$)[a-z][a-z0-9_-]{0,63}$/
const idRule =
  'must start with a letter, then up to 63 lowercase letters, digits, - or _ (and not be "new")'

const question = z.string({ error: 'must name a question' }).trim().min(1).max(200)

/** `csiRoles`: which questions play which report role (server/surveys/role-mapping.ts). */
export const roleMappingBody = z
  .object({
    overall: question.optional(),
    rebuy: question.optional(),
    attributes: z.array(question).max(500).optional(),
    importance: question.optional(),
    attitude: question.optional(),
    segments: z.array(question).max(100).optional(),
  })
  .strict()

const definition = z.record(z.string(), z.unknown(), { error: 'must be a SurveyJS JSON object' })
const audience = z.enum(audiences, { error: `must be one of ${audiences.join(', ')}` })

/** `POST /api/surveys/check`: the dashboard's live lint, nothing stored. */
export const checkSurveyBody = z
  .object({ audience, definition, mapping: roleMappingBody.nullish() })
  .strict()

/** `POST /api/surveys`: a new survey (its id defaults to a slug of the title). */
export const createSurveyBody = z
  .object({
    id: z.string().trim().regex(SURVEY_ID, idRule).optional(),
    audience,
    title: z.string().trim().min(1).max(200).optional(),
    definition,
    mapping: roleMappingBody.nullish(),
  })
  .strict()

/** `PUT /api/surveys/:id`: a new version; without `mapping` the previous one carries over. */
export const updateSurveyBody = z
  .object({
    title: z.string().trim().min(1).max(200).optional(),
    definition,
    mapping: roleMappingBody.nullish(),
  })
  .strict()

export const surveyParam = z.object({ id: z.string().min(1).max(64) })
export const versionParam = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number({ error: 'must be a version number' }).int().min(1).max(1e6),
})
export const exportQuery = z.object({
  version: z.coerce
    .number({ error: 'must be a version number' })
    .int('must be a version number')
    .min(1, 'must be a version number')
    .max(1e6)
    .optional(),
})
