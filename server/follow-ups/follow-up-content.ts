import type { AcknowledgementText } from '../db/acknowledgements'
import { saveAcknowledgementText } from '../db/acknowledgements'
import type { Db } from '../db/client'
import { deleteMessageTemplate, saveMessageTemplate } from '../db/message-templates'
import { languagePacks } from '../messages/defaults'
import type { AcknowledgementAudience } from '../messages/follow-up-email'
import { acknowledgementFromText } from '../messages/legacy-acknowledgement'
import { loadMessageBook } from '../messages/message-book'
import type { MessageTemplate } from '../messages/message-kinds'
import { checkTemplate } from '../messages/template-check'

export type { AcknowledgementText }
export { acknowledgementContent, alertContent } from '../messages/follow-up-email'
export { acknowledgementFromText } from '../messages/legacy-acknowledgement'

/** The shipped English acknowledgement as one text, the shape the alert settings edit. */
export function defaultAcknowledgement(audience: AcknowledgementAudience): AcknowledgementText {
  return asText(languagePacks.en.templates[audience].acknowledgement!)
}

const asText = (t: MessageTemplate): AcknowledgementText => ({
  subject: t.subject ?? '',
  body: [t.greeting, t.body].filter(Boolean).join('\n\n'),
})

const english = (audience: AcknowledgementAudience) =>
  ({ audience, kind: 'acknowledgement', language: 'en' }) as const

/**
 * The English acknowledgement as the alert settings show it: the one the Messages page edits
 * too (either page's edit), else the shipped words.
 */
export async function englishAcknowledgement(db: Db, audience: AcknowledgementAudience) {
  const own = (await loadMessageBook(db)).edited(audience, 'acknowledgement', 'en')
  return {
    audience,
    custom: own !== undefined,
    ...(own ? asText(own) : defaultAcknowledgement(audience)),
  }
}

/** Saves the alert settings' one text as the English acknowledgement (null: the shipped one). */
export async function saveEnglishAcknowledgement(
  db: Db,
  audience: AcknowledgementAudience,
  text: AcknowledgementText | null,
) {
  // The old per-audience row gives way: one English acknowledgement, wherever it is edited.
  await saveAcknowledgementText(db, audience, null)
  if (!text) return void (await deleteMessageTemplate(db, english(audience)))
  const words = checkTemplate('acknowledgement', acknowledgementFromText(text))
  await saveMessageTemplate(db, english(audience), words as Record<string, string>)
}
