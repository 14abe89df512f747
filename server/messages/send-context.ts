import type { Db } from '../db/client'
import { and, eq, sql } from 'drizzle-orm'
import { surveyVersions, waves } from '../db/schema'
import type { Audience } from '../surveys/audiences'
import type { Brand } from './brand'
import type { MessageBook, ResolvedTemplate } from './message-book'
import { loadMessageBook } from './message-book'
import type { MessageKind } from './message-kinds'
import { messageLanguage } from './message-language'

type Outgoing = {
  waveId: string
  invitationId: string | null
  audience: Audience
  /** The invitation's language, from the contact file. */
  language: string | null
}

/**
 * What one sending run needs to word its messages: the edited templates (read once per run),
 * each wave's survey language (once per wave) and the brand.
 */
export function messageContext(db: Db, brand?: () => Promise<Brand | undefined>) {
  let book: Promise<MessageBook> | undefined
  let brandRead: Promise<Brand | undefined> | undefined
  const surveyLanguage = new Map<string, Promise<unknown>>()

  const waveLanguage = (waveId: string) => {
    let hit = surveyLanguage.get(waveId)
    if (!hit) {
      hit = db
        .select({ locale: sql<unknown>`json_extract(${surveyVersions.definition}, '$.locale')` })
        .from(waves)
        .innerJoin(
          surveyVersions,
          and(
            eq(surveyVersions.surveyId, waves.surveyId),
            eq(surveyVersions.version, waves.surveyVersion),
          ),
        )
        .where(eq(waves.id, waveId))
        .then((rows) => rows[0]?.locale ?? null)
      surveyLanguage.set(waveId, hit)
    }
    return hit
  }

  return {
    /** The words, language and brand of one outbox message of `kind`. */
    async wording(
      m: Outgoing,
      kind: MessageKind,
      o: { surveyLanguageOnly?: boolean } = {},
    ): Promise<ResolvedTemplate & { brand: Brand | undefined }> {
      book ??= loadMessageBook(db)
      brandRead ??= brand?.() ?? Promise.resolve(undefined)
      const own = o.surveyLanguageOnly ? null : m.language
      const language = messageLanguage(own, await waveLanguage(m.waveId))
      return { ...(await book).resolve(m.audience, kind, language), brand: await brandRead }
    },
  }
}
export type MessageContext = ReturnType<typeof messageContext>
