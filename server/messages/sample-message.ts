import type { MessageContent } from '../mail/mailer'
import type { Audience } from '../surveys/audiences'
import type { Brand } from './brand'
import { digestContent } from './digest-email'
import { acknowledgementContent, alertContent } from './follow-up-email'
import { reasonWords } from './alert-reasons'
import type { MessageKind, MessageTemplate } from './message-kinds'
import { messageContent } from './survey-email'

const DAY = 86_400_000

/**
 * A message as a contact (or an owner) would get it, filled with example facts: what the
 * editor previews and what "send me a test" sends.
 */
export function sampleMessage(o: {
  audience: Audience
  kind: MessageKind
  language: string
  template: MessageTemplate | undefined
  brand: Brand | undefined
  organisation: string
  publicUrl: string
  now: Date
}): MessageContent {
  const base = o.publicUrl.replace(/\/+$/, '')
  const words = {
    language: o.language,
    template: o.template,
    brand: o.brand,
    organisation: o.organisation,
  }
  const waveName = `${o.now.getUTCFullYear()} ${o.audience} survey`
  if (o.kind === 'invitation' || o.kind === 'reminder')
    return messageContent({
      ...words,
      audience: o.audience,
      kind: o.kind,
      reminderNumber: o.kind === 'reminder' ? 1 : 0,
      recipientName: 'Alex Morgan',
      waveName,
      surveyUrl: `${base}/s/example-link`,
      unsubscribeUrl: `${base}/u/example-link`,
      // Two weeks on, at noon UTC, so the day shown is the same in every zone.
      closesAt: new Date(Math.floor(o.now.getTime() / DAY) * DAY + 14 * DAY + DAY / 2),
      minutes: 3,
    })
  const audience = o.audience === 'employee' ? 'customer' : o.audience
  if (o.kind === 'acknowledgement' || o.kind === 'thanks')
    return acknowledgementContent({
      ...words,
      kind: o.kind,
      audience,
      recipientName: 'Alex Morgan',
      waveName,
      unsubscribeUrl: `${base}/u/example-link`,
    })
  if (o.kind === 'digest')
    return digestContent({
      ...words,
      date: o.now,
      alerts: [
        {
          contact: 'Alex Morgan <alex.morgan@example.com>',
          reasons: ['overall:2', 'rebuy:1'],
        },
        { contact: 'Sam Lee <sam.lee@example.com>', reasons: ['rebuy:2'] },
        { contact: null, reasons: ['overall:1', 'comment'] },
      ].map((a, i) => ({
        waveName,
        contact: a.contact,
        reasons: a.reasons.map((r) => reasonWords(r, o.language)),
        alertUrl: `${base}/alerts/example-${i + 1}`,
      })),
      alertsUrl: `${base}/alerts`,
    })
  return alertContent({
    ...words,
    audience,
    contact: 'Alex Morgan <alex.morgan@example.com>',
    waveName,
    reasons: ['Overall satisfaction: 2 of 5'],
    alertUrl: `${base}/alerts/example`,
  })
}
