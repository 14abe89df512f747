import { eq, inArray } from 'drizzle-orm'
import type { Logo } from '../lib/logo-file'
import { logoPath } from '../lib/logo-file'
import type { Db } from './client'
import { settings } from './schema'

/** Our own green: what the product shows until a programme sets its colour. */
export const DEFAULT_BRAND_COLOUR = '#19635a'

/**
 * The company's look (SPEC §2): its name, primary colour and logo, applied to the respondent
 * page, the emails, the dashboard header and printed reports and questionnaires.
 */
export type Brand = {
  organisation: string | null
  /** #rrggbb, checked for WCAG AA contrast under white text when saved. */
  primary: string
  /** Path of the stored logo (content-hashed, cacheable for good), or null. */
  logoUrl: string | null
}

const keys = {
  organisation: 'brand.organisation',
  colour: 'brand.colour',
  logo: 'brand.logo',
  languages: 'programme.languages',
} as const

async function read(db: Db, wanted: readonly string[]) {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, [...wanted]))
  return (key: string) => rows.find((r) => r.key === key)?.value
}

function parsedLogo(value: string | undefined): Logo | null {
  if (!value) return null
  try {
    return JSON.parse(value) as Logo
  } catch {
    return null
  }
}

export async function programmeBrand(db: Db): Promise<Brand> {
  const stored = await read(db, [keys.organisation, keys.colour, keys.logo])
  const logo = parsedLogo(stored(keys.logo))
  return {
    organisation: stored(keys.organisation) || null,
    primary: stored(keys.colour) || DEFAULT_BRAND_COLOUR,
    logoUrl: logo ? logoPath(logo) : null,
  }
}

/** The stored logo file when `hash` names it (old names are not kept). */
export async function brandLogo(db: Db, hash: string): Promise<Logo | null> {
  const logo = parsedLogo((await read(db, [keys.logo]))(keys.logo))
  return logo && logo.hash === hash ? logo : null
}

async function put(db: Db, key: string, value: string | null) {
  if (value === null) return void (await db.delete(settings).where(eq(settings.key, key)))
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
}

/** Saves the fields given; `null` clears one back to its default. */
export async function saveBrand(
  db: Db,
  change: { organisation?: string | null; primary?: string | null },
) {
  if (change.organisation !== undefined) await put(db, keys.organisation, change.organisation)
  if (change.primary !== undefined)
    await put(db, keys.colour, change.primary?.toLowerCase() ?? null)
}

export const saveLogo = (db: Db, logo: Logo | null) =>
  put(db, keys.logo, logo && JSON.stringify(logo))

/** The programme's languages (BCP 47), the first its default; English until set. */
export async function programmeLanguages(db: Db): Promise<string[]> {
  const value = (await read(db, [keys.languages]))(keys.languages)
  try {
    const parsed = value ? (JSON.parse(value) as unknown) : null
    if (Array.isArray(parsed) && parsed.length && parsed.every((l) => typeof l === 'string'))
      return parsed
  } catch {
    // An unreadable value falls back to the default rather than breaking every page.
  }
  return ['en']
}

export const saveProgrammeLanguages = (db: Db, languages: readonly string[]) =>
  put(db, keys.languages, JSON.stringify(languages))
