import { eq } from 'drizzle-orm'
import type { Db } from './client'
import { settings } from './schema'

/** A survey owner's own acknowledgement text for an audience, when set (`{name}` is replaced). */
export type AcknowledgementText = { subject: string; body: string }

const keyOf = (audience: string) => `acknowledgement.${audience}`

/** The survey owner's acknowledgement text for an audience, or null for the shipped default. */
export async function acknowledgementText(db: Db, audience: string) {
  const [row] = await db
    .select()
    .from(settings)
    .where(eq(settings.key, keyOf(audience)))
  return row ? (JSON.parse(row.value) as AcknowledgementText) : null
}

export async function saveAcknowledgementText(
  db: Db,
  audience: string,
  text: AcknowledgementText | null,
) {
  if (!text) return void (await db.delete(settings).where(eq(settings.key, keyOf(audience))))
  const value = JSON.stringify(text)
  await db
    .insert(settings)
    .values({ key: keyOf(audience), value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
}
