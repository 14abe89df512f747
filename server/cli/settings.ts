import type { Command } from 'commander'
import type { ZodType } from 'zod'
import { anonymityThresholds, saveAnonymityThresholds } from '../db/anonymity-settings'
import { bandsSchema, programmeBands, saveProgrammeBands } from '../db/band-settings'
import type { Db } from '../db/client'
import { cutOffPair, cutOffPairRule } from '../results/file-report/options'
import { setBrandKey, brandKeys, showBrand } from './brand-settings'
import { setContactFrequency, showContactFrequency } from './contact-frequency-setting'
import { anonymityBody } from '../settings/route'
import { alertDelivery, alertDeliveryBody, saveAlertDelivery } from '../follow-ups/alert-settings'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

type SetOptions = {
  strength?: string
  adequate?: string
  scale?: string
  minGroup?: string
  minComments?: string
  alertDelivery?: string
  digestHour?: string
}

const flag = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
// A number option keeps what was typed when it is not a number, so the error can quote it.
const numberOf = (value: string | undefined) =>
  value === undefined ? undefined : value.trim() !== '' && isFinite(+value) ? +value : value

/** The schema's value, or a CliError naming the first bad option as the API names its field. */
function checked<T>(
  schema: ZodType<T>,
  value: unknown,
  raw: SetOptions,
  keyed: { key: string; fields: string[] } | null,
): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  const name = String(issue.path[0] ?? '')
  // Set by `set <key> <value>`: the error names the key typed, not the option behind it.
  const field = name === 'delivery' ? 'alertDelivery' : name
  const typed = raw[field as keyof SetOptions]
  const option = keyed?.fields.includes(field) ? keyed.key : flag(field)
  throw new CliError(
    `${option}: ${typed === undefined ? '' : `"${typed}" `}${issue.message}`.trim(),
  )
}

// SPEC §5.2's form, `csi settings set <key> <value>`, as the options it stands for.
const keys = [
  'bands',
  'scale',
  'anonymity-k',
  'min-comments',
  'contact-frequency',
  'alert-delivery',
  'digest-hour',
  ...brandKeys,
] as const

function fromKey(key: string, value: string | undefined): SetOptions {
  if (!(keys as readonly string[]).includes(key))
    throw new CliError(`<key>: "${key}" is not one of ${keys.join(', ')}`)
  if (value === undefined) throw new CliError(`<value>: give the value of ${key}`)
  if (key === 'scale') return { scale: value }
  if (key === 'anonymity-k') return { minGroup: value }
  if (key === 'min-comments') return { minComments: value }
  if (key === 'alert-delivery') return { alertDelivery: value }
  if (key === 'digest-hour') return { digestHour: value }
  const pair = cutOffPair(value)
  if (!pair) throw new CliError(`bands: "${value}" must be ${cutOffPairRule}`)
  return { strength: String(pair.strength), adequate: String(pair.adequate) }
}

async function show(io: CliIo, db: Db) {
  const b = await programmeBands(db)
  const a = await anonymityThresholds(db)
  const d = await alertDelivery(db)
  const hour = `${String(d.digestHour).padStart(2, '0')}:00 UTC`
  await io.stdout(
    `Bands (on /10): strength ≥ ${b.strength}, adequate ≥ ${b.adequate}, concern below\n` +
      `Scale: ${b.scale}\n` +
      `Anonymity: employee results for groups of at least ${a.minGroup}, comments of at least ${a.minComments}\n` +
      `Alerts: ${d.delivery === 'daily' ? `owners get a daily digest from ${hour}` : `owners get one email per alert (a digest would go at ${hour})`}\n`,
  )
  await showContactFrequency(io, db)
  await showBrand(io, db)
}

export function registerSettings(program: Command, io: CliIo) {
  const settings = program
    .command('settings')
    .description(
      'programme settings: bands, scale, anonymity thresholds, contact frequency, alert emails, brand and languages',
    )
  settings
    .command('show')
    .description(
      'print the bands, scale and anonymity thresholds every report uses, the contact-frequency rule, how owners hear of alerts, the brand and languages',
    )
    .action(async () => {
      const { store } = await openCliStore(io)
      try {
        await show(io, store.db)
      } finally {
        store.close()
      }
    })
  settings
    .command('set')
    .description(
      'change some settings, as options or as <key> <value>; the others keep their values',
    )
    .argument(
      '[key]',
      `one of ${keys.join(', ')} (e.g. bands 7,8; contact-frequency 90; alert-delivery daily; digest-hour 7; brand-colour '#1d4ed8'; logo logo.svg; languages en,de,fr)`,
    )
    .argument('[value]', 'the value of <key>')
    .option('--strength <score>', 'lowest /10 score of a strength (0–10, one decimal)')
    .option('--adequate <score>', 'lowest /10 score of adequate, below --strength')
    .option(
      '--scale <mapping>',
      'mean → /10 when a report asks for none: linear | proportional | anchored10',
    )
    .option('--min-group <k>', 'smallest employee group whose results are shown (at least 3)')
    .option('--min-comments <k>', 'smallest employee group whose comments are shown')
    .option(
      '--alert-delivery <how>',
      'how owners hear of alerts: each (one email per alert) | daily',
    )
    .option('--digest-hour <hour>', 'the hour (UTC, 0–23) from which the daily digest goes out')
    .action(async (key: string | undefined, value: string | undefined, opts: SetOptions) => {
      // Keys that stand for no option: each is checked and saved on its own.
      const own =
        key !== undefined &&
        (key === 'contact-frequency' || (brandKeys as readonly string[]).includes(key))
      if (own) {
        const { store } = await openCliStore(io)
        try {
          if (key === 'contact-frequency') await setContactFrequency(store.db, value)
          else await setBrandKey(store.db, key as (typeof brandKeys)[number], value)
          await show(io, store.db)
        } finally {
          store.close()
        }
        return
      }
      const fromArgs = key === undefined ? {} : fromKey(key, value)
      const keyed = key === undefined ? null : { key, fields: Object.keys(fromArgs) }
      const raw = { ...opts, ...fromArgs }
      if (Object.values(raw).every((v) => v === undefined))
        throw new CliError(
          'give at least one of --strength, --adequate, --scale, --min-group, --min-comments, --alert-delivery, --digest-hour',
        )
      const { store } = await openCliStore(io)
      try {
        const { db } = store
        // Both checked before either is saved: a bad option changes nothing.
        const bands = checked(
          bandsSchema,
          {
            ...(await programmeBands(db)),
            ...defined({ strength: numberOf(raw.strength), adequate: numberOf(raw.adequate) }),
            ...defined({ scale: raw.scale }),
          },
          raw,
          keyed,
        )
        const anonymity = checked(
          anonymityBody,
          {
            ...(await anonymityThresholds(db)),
            ...defined({
              minGroup: numberOf(raw.minGroup),
              minComments: numberOf(raw.minComments),
            }),
          },
          raw,
          keyed,
        )
        const delivery = checked(
          alertDeliveryBody,
          defined({ delivery: raw.alertDelivery, digestHour: numberOf(raw.digestHour) }),
          raw,
          keyed,
        )
        await saveProgrammeBands(db, bands)
        await saveAnonymityThresholds(db, anonymity)
        await saveAlertDelivery(db, delivery)
        await show(io, db)
      } finally {
        store.close()
      }
    })
}

const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
