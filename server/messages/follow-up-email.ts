import { clean, escapeHtml as e, safeUrl } from '../lib/html'
import type { MessageContent } from '../mail/mailer'
import type { Audience } from '../surveys/audiences'
import type { Brand } from './brand'
import { defaultBrand, safeBrand } from './brand'
import { MUTED, button, emailDocument, para, small } from './email-html'
import { shippedPack } from './message-language'
import type { MessageTemplate } from './message-kinds'
import { fillHtml, fillText } from './placeholders'
import { possessive } from './survey-email'
import { oneLine, paragraphsOf, wrap } from './text-layout'

export type AcknowledgementAudience = Exclude<Audience, 'employee'>
type Common = { language?: string; template?: MessageTemplate; brand?: Brand; organisation: string }

function setup(
  audience: AcknowledgementAudience,
  kind: 'acknowledgement' | 'thanks' | 'alert',
  o: Common,
) {
  const language = o.language ?? 'en'
  const { pack, language: packLanguage } = shippedPack(language)
  const t = { ...pack.templates[audience][kind]!, ...o.template }
  const brand = safeBrand(o.brand ?? defaultBrand(o.organisation), o.organisation)
  const org = brand.organisation
  const organisationPossessive = packLanguage === 'en' ? possessive(org) : org
  return { t, language, brand, chrome: pack.chrome, org, organisationPossessive }
}

const htmlLines = (s: string, values: Record<string, string>) =>
  fillHtml(s, values).replace(/\n/g, '<br>')

/**
 * The "we're on it" answer to a respondent who reported a problem (never to employees), or with
 * `kind: 'thanks'` the thank-you that promises nothing, when nobody owns the follow-up.
 */
export function acknowledgementContent(
  input: Common & {
    kind?: 'acknowledgement' | 'thanks'
    audience: AcknowledgementAudience
    recipientName: string | null
    waveName?: string
    unsubscribeUrl?: string
  },
): MessageContent {
  const s = setup(input.audience, input.kind ?? 'acknowledgement', input)
  const name = clean(input.recipientName)
  const values = {
    name,
    organisation: s.org,
    organisationPossessive: s.organisationPossessive,
    wave: clean(input.waveName ?? ''),
  }
  const greeting = oneLine(fillText(name ? s.t.greeting : s.t.greetingNoName, values))
  const paragraphs = paragraphsOf(s.t.body)
  const subject = oneLine(fillText(s.t.subject, values))
  const unsubscribe = input.unsubscribeUrl ? safeUrl('unsubscribeUrl', input.unsubscribeUrl) : null
  const text = [
    ...(greeting ? [greeting] : []),
    ...paragraphs.map((p) => wrap(fillText(p, values))),
    ...(unsubscribe ? [`--\n${s.chrome.unsubscribeText}\n${unsubscribe}`] : []),
  ]
  const card = [
    greeting ? para(e(greeting)) : '',
    ...paragraphs.map((p, i) =>
      para(htmlLines(p, values), i === paragraphs.length - 1 ? 'margin:0' : ''),
    ),
  ]
  const footer = unsubscribe
    ? `<p style="margin:0;${small}">${e(s.chrome.unsubscribeHtml)} <a class="link" href="${e(unsubscribe)}" target="_blank" style="color:${MUTED};text-decoration:underline">${e(s.chrome.unsubscribe)}</a></p>`
    : ''
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    html: emailDocument({
      language: s.language,
      subject,
      preheader: oneLine(fillText(paragraphs[0] ?? '', values)),
      brand: s.brand,
      card: card.filter(Boolean).join('\n'),
      footer,
    }),
  }
}

/** The note to the account owner: who answered low, why, and the link to the follow-up. */
export function alertContent(
  input: Common & {
    audience?: AcknowledgementAudience
    contact: string | null
    waveName: string
    reasons: readonly string[]
    alertUrl: string
  },
): MessageContent {
  const s = setup(input.audience ?? 'customer', 'alert', input)
  const values = {
    contact: clean(input.contact) || s.chrome.respondent,
    organisation: s.org,
    wave: clean(input.waveName),
    alertLink: safeUrl('alertUrl', input.alertUrl),
  }
  const reasons = input.reasons.map(clean).filter(Boolean)
  const subject = oneLine(fillText(s.t.subject, values))
  const paragraphs = paragraphsOf(s.t.body)
  const label = oneLine(fillText(s.t.button, values))
  const text = [
    ...paragraphs.map((p) => wrap(fillText(p, values))),
    ...(reasons.length ? [reasons.map((r) => `- ${r}`).join('\n')] : []),
    `${label}${s.chrome.colon} ${values.alertLink}`,
  ]
  const rich = {
    alertLink: `<a class="link" href="${e(values.alertLink)}">${e(values.alertLink)}</a>`,
  }
  const card = [
    ...paragraphs.map((p) => para(fillHtml(p, values, rich).replace(/\n/g, '<br>'))),
    reasons.length
      ? `<ul style="margin:0 0 16px;padding-left:20px">${reasons.map((r) => `<li style="margin:0 0 4px">${e(r)}</li>`).join('')}</ul>`
      : '',
    button(values.alertLink, label, s.brand.primary),
  ]
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    html: emailDocument({
      language: s.language,
      subject,
      preheader: oneLine(fillText(paragraphs[0] ?? '', values)),
      brand: s.brand,
      card: card.filter(Boolean).join('\n'),
      footer: '',
    }),
  }
}
