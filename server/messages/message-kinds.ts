import type { Audience } from '../surveys/audiences'

export const messageKinds = [
  'invitation',
  'reminder',
  'acknowledgement',
  'thanks',
  'alert',
  'digest',
] as const
export type MessageKind = (typeof messageKinds)[number]

/** The languages we ship written defaults for; any other falls back to English. */
export const shippedLanguages = ['en', 'de', 'fr', 'es'] as const
export type ShippedLanguage = (typeof shippedLanguages)[number]

const surveyFields = [
  'subject',
  'preheader',
  'heading',
  'greeting',
  'greetingNoName',
  'body',
  'timing',
  'deadline',
  'button',
  'signoff',
  'why',
] as const

/** The editable words of each kind, in the order the editor shows them. */
export const fieldsOf = {
  invitation: surveyFields,
  reminder: surveyFields,
  acknowledgement: ['subject', 'greeting', 'greetingNoName', 'body'],
  thanks: ['subject', 'greeting', 'greetingNoName', 'body'],
  alert: ['subject', 'body', 'button'],
  digest: ['subject', 'body', 'button'],
} as const satisfies Record<MessageKind, readonly string[]>

export type MessageField = (typeof fieldsOf)[MessageKind][number]
/** The words of one message: every field of its kind. */
export type MessageTemplate = Partial<Record<MessageField, string>>

const surveyPlaceholders = [
  'name',
  'organisation',
  'organisationPossessive',
  'wave',
  'closeDate',
  'minutes',
  'surveyLink',
] as const

/** The placeholders each kind may use; anything else in braces is refused, named. */
export const placeholdersOf = {
  invitation: surveyPlaceholders,
  reminder: surveyPlaceholders,
  acknowledgement: ['name', 'organisation', 'organisationPossessive', 'wave'],
  thanks: ['name', 'organisation', 'organisationPossessive', 'wave'],
  alert: ['contact', 'organisation', 'wave', 'alertLink'],
  digest: ['count', 'date', 'organisation', 'alertsLink'],
} as const satisfies Record<MessageKind, readonly string[]>

/** What each placeholder stands for, for the editor. */
export const placeholderHelp: Record<string, string> = {
  name: "the contact's name (only known names; the greeting without a name is used otherwise)",
  organisation: 'your organisation',
  organisationPossessive: "your organisation with 's (English)",
  wave: 'the wave’s name',
  closeDate:
    'the closing date, in the message’s language (a paragraph with it is left out when the wave has none)',
  minutes: 'how long the survey takes, in minutes',
  surveyLink: 'the personal survey link',
  contact: 'who answered (name and address)',
  alertLink: 'the link to the follow-up',
  count: 'how many follow-ups the summary lists',
  date: 'the day of the summary, in the message’s language',
  alertsLink: 'the link to your follow-up list',
}

/**
 * Employee answers are anonymous: nobody is alerted about one, and nobody is acknowledged. The
 * owners' daily digest spans every audience's waves: its one set of words is kept under customers.
 */
export const kindsFor = (audience: Audience): readonly MessageKind[] =>
  audience === 'employee'
    ? ['invitation', 'reminder']
    : audience === 'customer'
      ? messageKinds
      : messageKinds.filter((k) => k !== 'digest')
