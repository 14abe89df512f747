import type { AcknowledgementText } from '../db/acknowledgements'
import { clean, escapeHtml, safeUrl } from '../lib/html'
import type { MessageContent } from '../mail/mailer'
import type { Audience } from '../surveys/audiences'

export type { AcknowledgementText }

const defaults: Record<Exclude<Audience, 'employee'>, AcknowledgementText> = {
  customer: {
    subject: 'Thank you for telling us: we are on it',
    body: 'Dear {name},\n\nThank you for answering our survey. You told us we fell short, and we take that seriously: someone from our team will contact you shortly to put it right.\n\nWith our thanks,\n{organisation}',
  },
  wholesaler: {
    subject: 'Thank you for your feedback on our supply service',
    body: 'Dear {name},\n\nThank you for rating our supply service. Where we let you down, your account manager will be in touch shortly to agree what we change.\n\nWith our thanks,\n{organisation}',
  },
  retailer: {
    subject: 'Thank you for your feedback on our supply service',
    body: 'Dear {name},\n\nThank you for rating our supply service. Where we let you down, your account manager will be in touch shortly to agree what we change.\n\nWith our thanks,\n{organisation}',
  },
}

export const defaultAcknowledgement = (audience: Exclude<Audience, 'employee'>) =>
  defaults[audience]

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n')

const page = (inner: string) =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5;max-width:36rem;margin:0 auto;padding:1rem">${inner}</body></html>`

/** The "we're on it" answer to a respondent who reported a problem (never to employees). */
export function acknowledgementContent(input: {
  audience: Exclude<Audience, 'employee'>
  recipientName: string | null
  organisation: string
  text: AcknowledgementText | null
}): MessageContent {
  const copy = input.text ?? defaults[input.audience]
  const fill = (s: string) =>
    s
      .replaceAll('{name}', clean(input.recipientName) || 'customer')
      .replaceAll('{organisation}', clean(input.organisation))
  const body = fill(copy.body).replace(/\r\n?/g, '\n')
  return { subject: clean(fill(copy.subject)), text: `${body}\n`, html: page(paragraphs(body)) }
}

/** The note to the account owner: who answered low, why, and the link to the follow-up. */
export function alertContent(input: {
  contact: string | null
  waveName: string
  reasons: readonly string[]
  alertUrl: string
}): MessageContent {
  const who = clean(input.contact) || 'A respondent'
  const wave = clean(input.waveName)
  const url = safeUrl('alertUrl', input.alertUrl)
  const reasons = input.reasons.map(clean)
  const lines = [
    `${who} gave a low score in ${wave}. Please follow up and record what you did.`,
    '',
    ...reasons.map((r) => `- ${r}`),
    '',
    `Open the follow-up: ${url}`,
  ]
  return {
    subject: `Follow up: ${who} (${wave})`,
    text: `${lines.join('\n')}\n`,
    html: page(
      `<p>${escapeHtml(lines[0]!)}</p><ul>${reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul><p><a href="${escapeHtml(url)}">Open the follow-up</a></p>`,
    ),
  }
}
