import { eq, inArray, like, or } from 'drizzle-orm'
import type { AcknowledgementText } from './acknowledgements'
import type { Db } from './client'
import { settings } from './schema'

/** An owner's words for one message: audience × kind × language, kept as a `settings` row. */
export type StoredTemplate = {
  audience: string
  kind: string
  language: string
  template: Record<string, string>
}

const PREFIX = 'message.'
const keyOf = (audience: string, kind: string, language: string) =>
  `${PREFIX}${audience}.${kind}.${language}`

const legacyKeys = ['customer', 'wholesaler', 'retailer'].map((a) => `acknowledgement.${a}`)

/**
 * Every edited message, and the acknowledgements saved in the alert settings before messages
 * had languages (English, one text each): one query, so a sending run pays it once.
 */
export async function messageSettings(db: Db) {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(or(like(settings.key, `${PREFIX}%`), inArray(settings.key, legacyKeys)))
  const edits: StoredTemplate[] = []
  const acknowledgements: Record<string, AcknowledgementText> = {}
  for (const r of rows) {
    if (!r.key.startsWith(PREFIX)) {
      acknowledgements[r.key.slice('acknowledgement.'.length)] = JSON.parse(r.value)
      continue
    }
    const [audience = '', kind = '', ...language] = r.key.slice(PREFIX.length).split('.')
    edits.push({ audience, kind, language: language.join('.'), template: JSON.parse(r.value) })
  }
  return { edits, acknowledgements }
}

export const listMessageTemplates = async (db: Db) => (await messageSettings(db)).edits

export async function saveMessageTemplate(
  db: Db,
  t: { audience: string; kind: string; language: string },
  template: Record<string, string>,
) {
  const key = keyOf(t.audience, t.kind, t.language)
  const value = JSON.stringify(template)
  await db
    .insert(settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: settings.key, set: { value } })
}

/** Back to the shipped words; says whether there was an edit to remove. */
export async function deleteMessageTemplate(
  db: Db,
  t: { audience: string; kind: string; language: string },
) {
  const gone = await db
    .delete(settings)
    .where(eq(settings.key, keyOf(t.audience, t.kind, t.language)))
    .returning({ key: settings.key })
  return gone.length > 0
}
