import { inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { CutOffs, ScaleMapping } from '../../reports'
import { defaultCutOffs } from '../../reports'
import type { Db } from './client'
import { settings } from './schema'

/**
 * The programme's bands (SPEC §5.2): a /10 score at or above `strength` is a strength, at or
 * above `adequate` adequate, else a concern; `scale` maps a mean to /10 when a report asks for
 * none. A programme setting because what counts as good differs by sector (airlines score low).
 */
export type ProgrammeBands = CutOffs & { scale: ScaleMapping }

export const scaleMappings = ['linear', 'proportional', 'anchored10'] as const
export const DEFAULT_BANDS: ProgrammeBands = { ...defaultCutOffs, scale: 'linear' }
const keys = {
  strength: 'bands.strength',
  adequate: 'bands.adequate',
  scale: 'bands.scale',
} as const

const cutOff = () => {
  const error = 'must be a number from 0 to 10 with at most one decimal'
  return z
    .number({ error })
    .min(0, error)
    .max(10, error)
    .refine((x) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9, error)
}

/** The checks of a bands setting, shared by PUT /api/settings/bands and `csi settings set`. */
export const bandsSchema = z
  .object({
    strength: cutOff(),
    adequate: cutOff(),
    scale: z.enum(scaleMappings, { error: `must be one of ${scaleMappings.join(', ')}` }),
  })
  .strict()
  .refine((b) => b.adequate < b.strength, {
    path: ['adequate'],
    message: 'must be below strength',
  })

export async function programmeBands(db: Db): Promise<ProgrammeBands> {
  const rows = await db
    .select()
    .from(settings)
    .where(inArray(settings.key, Object.values(keys)))
  const stored = (key: string) => rows.find((r) => r.key === key)?.value
  const scale = stored(keys.scale)
  return {
    strength: Number(stored(keys.strength) ?? DEFAULT_BANDS.strength),
    adequate: Number(stored(keys.adequate) ?? DEFAULT_BANDS.adequate),
    scale: (scaleMappings as readonly string[]).includes(scale ?? '')
      ? (scale as ScaleMapping)
      : DEFAULT_BANDS.scale,
  }
}

export async function saveProgrammeBands(db: Db, b: ProgrammeBands) {
  for (const [name, key] of Object.entries(keys) as [keyof ProgrammeBands, string][])
    await db
      .insert(settings)
      .values({ key, value: String(b[name]) })
      .onConflictDoUpdate({ target: settings.key, set: { value: String(b[name]) } })
}
