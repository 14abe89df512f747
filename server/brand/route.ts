import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import {
  brandLogo,
  DEFAULT_BRAND_COLOUR,
  programmeBrand,
  programmeLanguages,
  saveBrand,
  saveLogo,
  saveProgrammeLanguages,
} from '../db/brand-settings'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { canonicalLanguage } from '../surveys/survey-languages'
import { brandBody, logoBody } from './brand-schemas'
import { LOGO_MAX_BYTES, readLogo } from '../lib/logo-file'

async function brandView(c: { var: AppEnv['Variables'] }) {
  return {
    ...(await programmeBrand(c.var.db)),
    languages: await programmeLanguages(c.var.db),
    defaults: { primary: DEFAULT_BRAND_COLOUR },
    logoMaxBytes: LOGO_MAX_BYTES,
  }
}

/** The brand and the programme's languages, as settings an admin changes. */
export const brandSettingsRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) => c.json(await brandView(c), 200))
  .put('/', requireRole('admin'), validate('json', brandBody), async (c) => {
    const { languages, ...brand } = c.req.valid('json')
    await saveBrand(c.var.db, brand)
    if (languages)
      await saveProgrammeLanguages(
        c.var.db,
        languages.map((l) => canonicalLanguage(l)!),
      )
    return c.json(await brandView(c), 200)
  })
  .put('/logo', requireRole('admin'), validate('json', logoBody), async (c) => {
    const logo = readLogo(c.req.valid('json').file)
    if ('problem' in logo)
      throw new ApiError('BAD_REQUEST', `file: the logo ${logo.problem}`, [
        { path: 'file', message: `the logo ${logo.problem}` },
      ])
    await saveLogo(c.var.db, logo)
    return c.json(await brandView(c), 200)
  })
  .delete('/logo', requireRole('admin'), async (c) => {
    await saveLogo(c.var.db, null)
    return c.json(await brandView(c), 200)
  })

/** What any page may show before sign-in: the name, colour and logo (nothing private). */
export const publicBrandRoute = new Hono<AppEnv>().get('/', async (c) =>
  c.json(await programmeBrand(c.var.db), 200),
)

/** The logo file: its name carries its hash, so it is cached for a year and never revalidated. */
export const logoFileRoute = new Hono<AppEnv>().get(
  '/:file{logo-[0-9a-f]{16}\\.(?:png|jpg|svg)}',
  async (c) => {
    const hash = (c.req.param('file') ?? '').slice('logo-'.length).split('.')[0]!
    const logo = await brandLogo(c.var.db, hash)
    if (!logo) throw new ApiError('NOT_FOUND', 'No such logo (it may have been replaced)')
    const bytes = Uint8Array.from(atob(logo.data), (ch) => ch.charCodeAt(0))
    return c.body(bytes, 200, {
      'Content-Type': logo.type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      // An SVG opened on its own is a document: nothing in it may run or load.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    })
  },
)
