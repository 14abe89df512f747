import { clean, escapeHtml as e, safeUrl } from '../lib/html'
import type { MessageContent } from '../mail/mailer'
import type { Brand } from './brand'
import { defaultBrand, safeBrand } from './brand'
import { FONT, INK, MUTED, button, emailDocument, para, small } from './email-html'
import { longDate, wholeNumber } from './locale-format'
import { shippedPack } from './message-language'
import type { MessageTemplate } from './message-kinds'
import { fillHtml, fillText } from './placeholders'
import { oneLine, paragraphsOf, wrap } from './text-layout'

export type DigestEntry = {
  waveName: string
  /** Who answered: name and address, or null when the alert has neither. */
  contact: string | null
  /** The low answers, already in the digest's language. */
  reasons: readonly string[]
  alertUrl: string
}

/** A digest lists this many alerts; the button leads to the rest. */
export const DIGEST_MAX_LISTED = 100

/**
 * An owner's daily digest: the alerts opened since their last one (wave, who answered, the low
 * answers, a link to each) and a button to their follow-up list. Text and HTML from one source.
 */
export function digestContent(input: {
  language?: string
  template?: MessageTemplate
  brand?: Brand
  organisation: string
  /** The day of the digest (UTC). */
  date: Date
  alerts: readonly DigestEntry[]
  alertsUrl: string
}): MessageContent {
  const { pack, language: packLanguage } = shippedPack(input.language ?? 'en')
  const language = input.language ?? 'en'
  const t = { ...pack.templates.customer.digest!, ...input.template }
  const brand = safeBrand(input.brand ?? defaultBrand(input.organisation), input.organisation)
  const values = {
    count: wholeNumber(input.alerts.length, packLanguage),
    date: longDate(input.date, language) ?? '',
    organisation: brand.organisation,
    alertsLink: safeUrl('alertsUrl', input.alertsUrl),
  }
  const listed = input.alerts.slice(0, DIGEST_MAX_LISTED).map((a) => ({
    wave: clean(a.waveName),
    contact: clean(a.contact) || pack.chrome.respondent,
    reasons: a.reasons.map(clean).filter(Boolean),
    url: safeUrl('alertUrl', a.alertUrl),
  }))
  const more = input.alerts.length - listed.length
  const subject = oneLine(fillText(t.subject, values))
  const paragraphs = paragraphsOf(t.body)
  const label = oneLine(fillText(t.button, values))
  const text = [
    ...paragraphs.map((p) => wrap(fillText(p, values))),
    ...listed.map((a, i) =>
      [
        `${i + 1}. ${a.contact} (${a.wave})`,
        ...a.reasons.map((r) => `   - ${r}`),
        `   ${a.url}`,
      ].join('\n'),
    ),
    ...(more > 0 ? [`+ ${wholeNumber(more, packLanguage)}`] : []),
    `${label}${pack.chrome.colon} ${values.alertsLink}`,
  ]
  const rich = {
    alertsLink: `<a class="link" href="${e(values.alertsLink)}">${e(values.alertsLink)}</a>`,
  }
  // Each follow-up's link in the brand's colour, as the button is.
  const items = listed.map(
    (a) =>
      `<li style="margin:0 0 12px;font:16px/24px ${FONT};color:${INK}"><a class="link" href="${e(a.url)}" style="font-weight:600;color:${brand.primary}">${e(a.contact)}</a> <span class="muted" style="${small}">${e(a.wave)}</span>` +
      (a.reasons.length
        ? `<ul style="margin:4px 0 0;padding-left:20px">${a.reasons.map((r) => `<li style="margin:0 0 2px">${e(r)}</li>`).join('')}</ul>`
        : '') +
      '</li>',
  )
  const card = [
    ...paragraphs.map((p) => para(fillHtml(p, values, rich).replace(/\n/g, '<br>'))),
    `<ol style="margin:0 0 16px;padding-left:24px">${items.join('')}</ol>`,
    more > 0 ? para(e(`+ ${wholeNumber(more, packLanguage)}`), `color:${MUTED}`) : '',
    button(values.alertsLink, label, brand.primary),
  ]
  return {
    subject,
    text: `${text.join('\n\n')}\n`,
    html: emailDocument({
      language,
      subject,
      preheader: oneLine(fillText(paragraphs[0] ?? '', values)),
      brand,
      card: card.filter(Boolean).join('\n'),
      footer: '',
    }),
  }
}
