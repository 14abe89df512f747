import type { Audience } from '../../surveys/audiences'
import type { MessageKind, MessageTemplate } from '../message-kinds'

/** The fixed words of our layout: not editable, so the anonymity promise and opt-out stay. */
export type Chrome = {
  anonymous: string
  anonymityPromise: string
  anonymousShort: string
  linkFallback: string
  surveyLabel: string
  unsubscribeText: string
  unsubscribeHtml: string
  unsubscribe: string
  /** Who answered, when the contact has no name or address (owner alerts). */
  respondent: string
  /** Before a link on its own line in the text body (French puts a no-break space first). */
  colon: string
  /** Why an owner is alerted: a comment, or a score (`{label}`, `{value}`) on a named rating. */
  reasons: { comment: string; overall: string; rebuy: string; score: string }
}

/** A language's shipped words: the layout's, and every template per audience and kind. */
export type LanguagePack = {
  chrome: Chrome
  templates: Record<Audience, Partial<Record<MessageKind, Required<MessageTemplate>>>>
}

/** Fills the fields a kind does not use, so every default has the same shape. */
export const template = (t: MessageTemplate) => t as Required<MessageTemplate>
