import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import { replaceCatalogue } from '../db/catalogue'
import { upsertSurvey } from '../db/surveys'
import type { AppEnv } from '../env'
import { csvHeaders } from '../lib/csv-download'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { problemIssue } from '../surveys/role-gaps'
import { buildSurvey, currentCatalogue } from './build-survey'
import { catalogueCsv, parseCatalogueCsv } from './catalogue-csv'
import { buildBody, catalogueBody, csvBody } from './schemas'

const editors = ['admin', 'manager'] as const

/** The programme's attribute catalogue and the questionnaire builder (SPEC §2). */
export const catalogueRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) => c.json(await currentCatalogue(c.var.db), 200))
  .put('/', requireRole(...editors), validate('json', catalogueBody), async (c) => {
    await replaceCatalogue(c.var, c.req.valid('json').items)
    return c.json(await currentCatalogue(c.var.db), 200)
  })
  .get('/csv', requireRole(), async (c) => {
    const { items } = await currentCatalogue(c.var.db)
    return c.body(catalogueCsv(items), 200, csvHeaders('attribute-catalogue.csv'))
  })
  .post('/csv', requireRole(...editors), validate('json', csvBody), async (c) => {
    const parsed = parseCatalogueCsv(c.req.valid('json').csv)
    if (!parsed.items) {
      const summary = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
      throw new ApiError('BAD_REQUEST', `Nothing imported: ${summary}`, parsed.issues)
    }
    await replaceCatalogue(c.var, parsed.items)
    return c.json(await currentCatalogue(c.var.db), 200)
  })
  .post('/build', requireRole(), validate('json', buildBody), async (c) => {
    const built = await buildSurvey(c.var.db, c.var.user, c.req.valid('json'))
    return c.json(built, 200)
  })
  .post('/publish', requireRole(), validate('json', buildBody), async (c) => {
    const built = await buildSurvey(c.var.db, c.var.user, c.req.valid('json'))
    if (built.problems.length > 0)
      throw new ApiError(
        'BAD_REQUEST',
        `The built survey cannot be published: ${built.problems.join('; ')}`,
        built.problems.map(problemIssue),
      )
    const { surveyId: id, title, definition } = built
    const audience = c.req.valid('json').audience
    const stored = await upsertSurvey(c.var, { id, audience, title, definition })
    return c.json({ ...stored, changes: built.changes }, 200)
  })
