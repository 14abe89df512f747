import { Hono } from 'hono'
import { createAuth } from '../auth/create-auth'
import { programmeBrand } from '../db/brand-settings'
import { getSurvey, getSurveyVersion } from '../db/surveys'
import type { AppEnv } from '../env'
import { cspNonce } from '../lib/middleware'
import { infoPage } from './friendly-page'
import { printableQuestionnaire } from './printable-questionnaire'

/**
 * The paper questionnaire of a survey (postal mode), for staff: `/print/<survey>` prints the
 * current version, `?version=N` an older one. Keyed back with `csi responses import --mode postal`.
 */
export const printRoute = new Hono<AppEnv>().get('/:surveyId{[a-z0-9_-]{1,64}}', async (c) => {
  const session = await createAuth(c.var.db, c.var.config).api.getSession({
    headers: c.req.raw.headers,
  })
  if (!session) {
    return c.html(
      infoPage(
        'Sign in first',
        'Printable questionnaires are for signed-in staff. Sign in on the dashboard, then open this page again.',
      ),
      401,
    )
  }
  const survey = await getSurvey(c.var.db, c.req.param('surveyId'))
  const asked = Number(c.req.query('version') ?? survey?.currentVersion)
  const version =
    survey && Number.isInteger(asked) ? await getSurveyVersion(c.var.db, survey.id, asked) : null
  if (!survey || !version)
    return c.html(
      infoPage(
        'No such questionnaire',
        `There is no survey "${c.req.param('surveyId')}" in that version.`,
      ),
      404,
    )
  const brand = await programmeBrand(c.var.db)
  return c.html(
    printableQuestionnaire(version.definition, {
      surveyId: survey.id,
      version: version.version,
      organisation: brand.organisation ?? undefined,
      logoUrl: brand.logoUrl,
      nonce: cspNonce(c),
    }),
    200,
    {
      'Cache-Control': 'private, no-store',
    },
  )
})
