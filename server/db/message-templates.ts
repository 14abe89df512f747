import { eq, like } from 'drizzle-orm'
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

export async function listMessageTemplates(db: Db): Promise<StoredTemplate[]> {
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(like(settings.key, `${PREFIX}%`))
  return rows.map((r) => {
    const [audience = '', kind = '', ...language] = r.key.slice(PREFIX.length).split('.')
    return { audience, kind, language: language.join('.'), template: JSON.parse(r.value) }
  })
}

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
