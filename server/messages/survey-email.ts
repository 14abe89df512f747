import { clean, escapeHtml as e, safeUrl } from '../lib/html'
import type { MessageContent } from '../mail/mailer'
import type { Audience } from '../surveys/audiences'
import { isAnonymous } from '../surveys/audiences'
import type { Brand } from './brand'
import { defaultBrand, safeBrand } from './brand'
import { FONT, MUTED, button, emailDocument, para, small } from './email-html'
import { longDate, wholeNumber } from './locale-format'
import { shippedPack } from './message-language'
import type { MessageTemplate } from './message-kinds'
import { fillHtml, fillText, usesPlaceholder } from './placeholders'
import { oneLine, paragraphsOf, wrap } from './text-layout'

export type MessageAudience = Audience
export type MessageInput = {
  audience: MessageAudience
  kind: 'invitation' | 'reminder'
  reminderNumber: number
  recipientName: string | null
  waveName: string
  /** Who is asking, when the brand names no organisation (MAIL_FROM's name). */
  organisation: string
  surveyUrl: string
  unsubscribeUrl: string
  closesAt: Date | null
  minutes: number
  /** The message's language (BCP 47); English when absent. */
  language?: string
  /** The words to use (an owner's edit); the language's shipped default when absent. */
  template?: MessageTemplate
  brand?: Brand
}

export const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`)

// Everything both bodies need, cleaned once; neither renderer sees raw input.
function parts(input: MessageInput) {
  const language = input.language ?? 'en'
  const { pack, language: packLanguage } = shippedPack(language)
  const kind = input.kind === 'reminder' || input.reminderNumber >= 1 ? 'reminder' : 'invitation'
  const t = { ...pack.templates[input.audience][kind]!, ...input.template }
  const brand = safeBrand(input.brand ?? defaultBrand(input.organisation), input.organisation)
  const org = brand.organisation
  const name = clean(input.recipientName)
  const date = longDate(input.closesAt, language)
  const values = {
    name,
    organisation: org,
    organisationPossessive: packLanguage === 'en' ? possessive(org) : org,
    wave: clean(input.waveName),
    closeDate: date ?? '',
    minutes: wholeNumber(Math.max(1, Math.round(input.minutes) || 1), language),
    surveyLink: safeUrl('surveyUrl', input.surveyUrl),
  }
  // A sentence about the closing date means nothing for a wave without one: it is left out.
  const keep = (s: string) => s && (date || !usesPlaceholder(s, 'closeDate'))
  const line = (s: string) => oneLine(fillText(s, values))
  const anonymous = isAnonymous(input.audience)
  const timing = [t.timing, t.deadline].filter(keep)
  return {
    t,
    language,
    brand,
    values,
    chrome: pack.chrome,
    subject: line(t.subject),
    heading: line(t.heading),
    greeting: name ? t.greeting : t.greetingNoName,
    paragraphs: paragraphsOf(t.body).filter(keep),
    anonymity: anonymous ? pack.chrome : null,
    timing,
    preheader: [anonymous ? pack.chrome.anonymousShort : '', ...[t.preheader, ...timing].map(line)]
      .filter(Boolean)
      .join(' '),
    unsubscribeUrl: safeUrl('unsubscribeUrl', input.unsubscribeUrl),
  }
}
type Parts = ReturnType<typeof parts>

/** Subject, plain-text and HTML bodies of a survey invitation or reminder. Pure and runtime-free. */
export function messageContent(input: MessageInput): MessageContent {
  const p = parts(input)
  return { subject: p.subject, text: renderText(p), html: renderHtml(p) }
}

function renderText(p: Parts): string {
  const { chrome: c, values: v } = p
  const fill = (s: string) => fillText(s, v)
  const flat = (s: string) => oneLine(fill(s))
  const footer = `${c.surveyLabel} ${v.wave}\n${wrap(flat(p.t.why))}\n${c.unsubscribeText}`
  return (
    [
      flat(p.greeting),
      ...p.paragraphs.map((t) => wrap(fill(t))),
      ...(p.anonymity ? [wrap(`${c.anonymous} ${c.anonymityPromise}`)] : []),
      wrap(p.timing.map(flat).join(' ')),
      `${flat(p.t.button)}${c.colon}\n${v.surveyLink}`,
      `${flat(p.t.signoff)}\n${v.organisation}`,
      `--\n${footer}\n${p.unsubscribeUrl}`,
    ].join('\n\n') + '\n'
  )
}

function renderHtml(p: Parts): string {
  const { chrome: c, values: v, brand } = p
  const rich = {
    closeDate: `<strong>${e(v.closeDate)}</strong>`,
    surveyLink: `<a class="link" href="${e(v.surveyLink)}" target="_blank" style="color:${brand.primary}">${e(v.surveyLink)}</a>`,
  }
  const html = (s: string) => fillHtml(s, v, rich).replace(/\n/g, '<br>')
  const anonymity = p.anonymity
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px"><tr><td class="note" style="background:#ecfdf5;border-left:4px solid #047857;padding:12px 16px;font:15px/22px ${FONT};color:#064e3b"><strong>${e(c.anonymous)}</strong> ${e(c.anonymityPromise)}</td></tr></table>`
    : ''
  const card = [
    para(html(oneLine(p.greeting))),
    ...p.paragraphs.map((t) => para(html(t))),
    anonymity,
    para(p.timing.map((t) => html(oneLine(t))).join(' ')),
    button(v.surveyLink, oneLine(fillText(p.t.button, v)), brand.primary),
    `<p class="muted" style="margin:0 0 24px;${small}">${e(c.linkFallback)}<br><a class="link" href="${e(v.surveyLink)}" target="_blank" style="color:${brand.primary};word-break:break-all">${e(v.surveyLink)}</a></p>`,
    para(`${html(oneLine(p.t.signoff))}<br>${e(v.organisation)}`, 'margin:0'),
  ]
  const footer = [
    `<p style="margin:0 0 8px;${small}">${e(c.surveyLabel)} ${e(v.wave)}</p>`,
    `<p style="margin:0 0 8px;${small}">${html(oneLine(p.t.why))}</p>`,
    `<p style="margin:0;${small}">${e(c.unsubscribeHtml)} <a class="link" href="${e(p.unsubscribeUrl)}" target="_blank" style="color:${MUTED};text-decoration:underline">${e(c.unsubscribe)}</a></p>`,
  ]
  return emailDocument({
    language: p.language,
    subject: p.subject,
    preheader: p.preheader,
    brand,
    heading: p.heading,
    card: card.filter(Boolean).join('\n'),
    footer: footer.join('\n'),
  })
}
