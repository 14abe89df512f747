import type { Db } from '../db/client'
import { messageSettings } from '../db/message-templates'
import type { Audience } from '../surveys/audiences'
import { acknowledgementFromText } from './legacy-acknowledgement'
import type { MessageKind, MessageTemplate } from './message-kinds'
import { baseLanguage, shippedPack } from './message-language'

/** Which words a message in a language is written in, and whether they are English stand-ins. */
export type ResolvedTemplate = {
  /** The owner's words, or undefined for the shipped ones. */
  template: MessageTemplate | undefined
  /** The language the message renders in (dates, `<html lang>`, the layout's words). */
  language: string
  /** No words exist in the asked language: English is used instead. */
  fallback: boolean
}

/**
 * The programme's messages as edited: read once (one query), then resolved per message. A
 * language's own edit wins, then its base language's ("de" for "de-AT"), then the shipped
 * words; a language we ship nothing for is written in English, edited or not.
 */
export async function loadMessageBook(db: Db) {
  const stored = await messageSettings(db)
  const edits = new Map<string, MessageTemplate>()
  for (const t of stored.edits) edits.set(`${t.audience}.${t.kind}.${t.language}`, t.template)
  // Acknowledgements edited in the alert settings, before messages had languages, are English.
  for (const [audience, legacy] of Object.entries(stored.acknowledgements)) {
    const key = `${audience}.acknowledgement.en`
    if (!edits.has(key)) edits.set(key, acknowledgementFromText(legacy))
  }
  const edit = (audience: Audience, kind: MessageKind, language: string) =>
    edits.get(`${audience}.${kind}.${language}`)

  return {
    /** The owner's own words for exactly this language, if any. */
    edited: (audience: Audience, kind: MessageKind, language: string) =>
      edit(audience, kind, language),
    resolve(audience: Audience, kind: MessageKind, language: string): ResolvedTemplate {
      for (const tag of new Set([language, baseLanguage(language)])) {
        const own = edit(audience, kind, tag)
        if (own) return { template: own, language, fallback: false }
      }
      if (!shippedPack(language).fallback) return { template: undefined, language, fallback: false }
      return { template: edit(audience, kind, 'en'), language: 'en', fallback: true }
    },
  }
}
export type MessageBook = Awaited<ReturnType<typeof loadMessageBook>>
