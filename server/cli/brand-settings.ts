import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { brandBody } from '../brand/brand-schemas'
import { readLogo } from '../lib/logo-file'
import type { Db } from '../db/client'
import {
  programmeBrand,
  programmeLanguages,
  saveBrand,
  saveLogo,
  saveProgrammeLanguages,
} from '../db/brand-settings'
import { canonicalLanguage } from '../surveys/survey-languages'
import { CliError } from './cli-error'
import type { CliIo } from './io'

/** SPEC §5.2's brand keys of `csi settings set <key> <value>`. */
export const brandKeys = ['organisation', 'brand-colour', 'logo', 'languages'] as const
type BrandKey = (typeof brandKeys)[number]

const field = { organisation: 'organisation', 'brand-colour': 'primary', languages: 'languages' }
const types: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
}

/** Checks and saves one brand key with the API's rules; a refusal names the key and changes nothing. */
export async function setBrandKey(db: Db, key: BrandKey, value: string | undefined) {
  if (value === undefined) throw new CliError(`<value>: give the value of ${key}`)
  if (key === 'logo') {
    if (value === 'none') return saveLogo(db, null)
    const bytes = await readFile(value).catch((err: NodeJS.ErrnoException) => {
      throw new CliError(`logo: cannot read ${value} (${err.code ?? err.message})`)
    })
    const type = types[extname(value).toLowerCase()] ?? 'application/octet-stream'
    const logo = readLogo(`data:${type};base64,${bytes.toString('base64')}`)
    if ('problem' in logo) throw new CliError(`logo: ${value} ${logo.problem}`)
    return saveLogo(db, logo)
  }
  const body =
    key === 'languages'
      ? { languages: value.split(',').map((l) => l.trim()) }
      : { [field[key]]: value }
  const parsed = brandBody.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new CliError(`${key}: "${value}" ${issue.message}`)
  }
  const { languages, ...brand } = parsed.data
  if (languages)
    await saveProgrammeLanguages(
      db,
      languages.map((l) => canonicalLanguage(l)!),
    )
  else await saveBrand(db, brand)
}

export async function showBrand(io: CliIo, db: Db) {
  const b = await programmeBrand(db)
  const languages = await programmeLanguages(db)
  await io.stdout(
    `Organisation: ${b.organisation ?? '(the name in MAIL_FROM)'}\n` +
      `Brand colour: ${b.primary}\n` +
      `Logo: ${b.logoUrl ?? 'none'}\n` +
      `Languages: ${languages.join(', ')} (the first is the default)\n`,
  )
}
