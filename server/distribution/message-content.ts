import { clean, escapeHtml, safeUrl } from '../lib/html'
import type { Audience } from '../surveys/audiences'

export type MessageAudience = Audience
export type MessageInput = {
  audience: MessageAudience
  kind: 'invitation' | 'reminder'
  reminderNumber: number
  recipientName: string | null
  waveName: string
  organisation: string
  surveyUrl: string
  unsubscribeUrl: string
  closesAt: Date | null
  minutes: number
}
import type { MessageContent } from '../mail/mailer'

export type { MessageContent }

type Copy = { subject: string; heading: string; lead: string; anonymity?: string; why: string }

const possessive = (name: string) => (/s$/i.test(name) ? `${name}'` : `${name}'s`)

// UTC keeps the date independent of the server's zone, so Node and Workers render the same day.
// Whether en-GB puts a comma after the weekday depends on the ICU build; we drop the literals.
const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' })
const closeDate = (d: Date | null) =>
  d && !Number.isNaN(d.getTime())
    ? dateFormat
        .formatToParts(d)
        .filter((p) => p.type !== 'literal')
        .map((p) => p.value)
        .join(' ')
    : null

function copy(audience: MessageAudience, reminder: boolean, org: string, mins: number): Copy {
  const asked = `We recently asked how satisfied you are with ${possessive(org)}`
  if (audience === 'customer')
    return {
      subject: reminder
        ? `Reminder: your view on ${possessive(org)} service`
        : `How are we doing? A ${mins}-minute survey from ${org}`,
      heading: 'How are we doing?',
      lead: reminder
        ? `${asked} products and service.`
        : `We would like to know how satisfied you are with ${possessive(org)} products and ` +
          'service. Your answers show us what we do well and what we should improve.',
      why: `You are receiving this email because you are a customer of ${org}.`,
    }
  if (audience === 'employee')
    return {
      subject: reminder
        ? 'Reminder: the anonymous staff survey on how customers see us'
        : `How do customers see ${org}? A ${mins}-minute anonymous staff survey`,
      heading: 'How do our customers see us?',
      lead: reminder
        ? `We recently invited you to our staff survey on how you think customers rate ${org}.`
        : `We are asking everyone at ${org} how they think our customers rate the company: ` +
          'our products, service, delivery and support. Comparing your view with what ' +
          'customers tell us shows where we see ourselves differently.',
      anonymity:
        'They are never linked to your name or email address, and results are only ' +
        'reported for groups of at least five people.',
      why: `You are receiving this email because you work at ${org}.`,
    }
  const trade = audience === 'wholesaler' ? 'wholesale' : 'retail'
  const aspects = 'delivery, order accuracy, trading terms and support'
  return {
    subject: reminder
      ? `Reminder: your view on ${possessive(org)} supply service`
      : `How is our supply service? A ${mins}-minute survey from ${org}`,
    heading: 'How is our supply service?',
    lead: reminder
      ? `${asked} supply service: ${aspects}.`
      : `As a ${trade} partner of ${org}, you see our supply service up close. We would like ` +
        `to know how satisfied you are with it: ${aspects}.`,
    why: `You are receiving this email because your company is a ${trade} partner of ${org}.`,
  }
}

const ANONYMOUS = 'Your answers are anonymous.'
const REMINDER =
  'We have not heard back from you yet, and it is not too late to take part. If you have ' +
  'already answered, thank you, and please ignore this email.'

/** Greedy word wrap for the text body; a word longer than the width (a URL) keeps its own line. */
function wrap(paragraph: string, width = 72): string {
  const lines: string[] = []
  let line = ''
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return [...lines, line].join('\n')
}

// Everything both bodies need, cleaned once; neither renderer sees raw input.
function parts(input: MessageInput) {
  const org = clean(input.organisation)
  const name = clean(input.recipientName)
  const mins = Math.max(1, Math.round(input.minutes) || 1)
  const reminder = input.kind === 'reminder' || input.reminderNumber >= 1
  const date = closeDate(input.closesAt)
  const c = copy(input.audience, reminder, org, mins)
  const timing = `It takes about ${mins} minute${mins === 1 ? '' : 's'}.`
  const deadline = date ? `Please answer by ${date}.` : ''
  const preheader = [
    c.anonymity ? 'Anonymous.' : '',
    reminder ? 'It is not too late to share your view.' : 'We would value your view.',
    timing,
    deadline,
  ]
  return {
    ...c,
    org,
    wave: clean(input.waveName),
    surveyUrl: safeUrl('surveyUrl', input.surveyUrl),
    unsubscribeUrl: safeUrl('unsubscribeUrl', input.unsubscribeUrl),
    heading: reminder ? 'We would still like to hear from you' : c.heading,
    greeting: name ? `Dear ${name},` : 'Hello,',
    paragraphs: [c.lead, reminder ? REMINDER : ''].filter(Boolean),
    timing,
    date,
    deadline,
    button: reminder ? 'Answer the survey' : 'Start the survey',
    preheader: preheader.filter(Boolean).join(' '),
  }
}
type Parts = ReturnType<typeof parts>

/** Subject, plain-text and HTML bodies of a survey invitation or reminder. Pure and runtime-free. */
export function messageContent(input: MessageInput): MessageContent {
  const p = parts(input)
  return { subject: p.subject, text: renderText(p), html: renderHtml(p) }
}

function renderText(p: Parts): string {
  const anonymity = p.anonymity ? `${ANONYMOUS} ${p.anonymity}` : ''
  const footer = `Survey: ${p.wave}\n${wrap(p.why)}\nTo stop these emails, unsubscribe here:`
  return (
    [
      p.greeting,
      ...p.paragraphs.map((t) => wrap(t)),
      ...(anonymity ? [wrap(anonymity)] : []),
      wrap([p.timing, p.deadline].filter(Boolean).join(' ')),
      `${p.button}:\n${p.surveyUrl}`,
      `Thank you for your time.\n${p.org}`,
      `--\n${footer}\n${p.unsubscribeUrl}`,
    ].join('\n\n') + '\n'
  )
}

const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
const INK = '#1f2933'
const MUTED = '#52606d'
const ACCENT = '#1d4ed8'
const para = (inner: string, style = '') =>
  `<p style="margin:0 0 16px;font:16px/24px ${FONT};color:${INK};${style}">${inner}</p>`

// Email HTML is its own dialect: tables for layout (Outlook renders with Word), inline CSS
// (Gmail strips most <style>), and the <style> block below only adds phone and dark-mode tweaks.
function renderHtml(p: Parts): string {
  const e = escapeHtml
  const deadline = p.date ? ` Please answer by <strong>${e(p.date)}</strong>.` : ''
  const anonymity = p.anonymity
    ? `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px"><tr><td class="note" style="background:#ecfdf5;border-left:4px solid #047857;padding:12px 16px;font:15px/22px ${FONT};color:#064e3b"><strong>${ANONYMOUS}</strong> ${e(p.anonymity)}</td></tr></table>`
    : ''
  // The mso-only <i> spacers give Outlook's Word engine, which ignores padding on <a>, a
  // full-size clickable button (Mark Robbins' "good email button" technique).
  const button = `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px"><tr><td bgcolor="${ACCENT}" style="background:${ACCENT};border-radius:6px"><a href="${e(p.surveyUrl)}" target="_blank" style="display:inline-block;padding:14px 28px;font:600 16px/20px ${FONT};color:#ffffff;text-decoration:none;border-radius:6px"><!--[if mso]><i style="mso-font-width:200%;mso-text-raise:28px" hidden>&emsp;</i><![endif]--><span style="mso-text-raise:14px">${e(p.button)}</span><!--[if mso]><i style="mso-font-width:200%" hidden>&emsp;&#8203;</i><![endif]--></a></td></tr></table>`
  const small = `font:13px/20px ${FONT};color:${MUTED}`
  return `<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(p.subject)}</title>
<style>
@media (max-width:620px){.card{padding:28px 20px !important}.card h1{font-size:22px !important;line-height:30px !important}.outer{padding:16px 8px !important}}
@media (prefers-color-scheme:dark){.bg{background:#111827 !important}.card{background:#1f2937 !important}.ink,.ink p,.ink h1{color:#f3f4f6 !important}.muted,.muted p,.ink .muted{color:#cbd5e1 !important}.link{color:#93c5fd !important}.note{background:#064e3b !important;color:#d1fae5 !important}}
</style>
</head>
<body class="bg" style="margin:0;padding:0;background:#f4f6f8;-webkit-text-size-adjust:100%">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${e(p.preheader)}${'&#847;&zwnj;&nbsp;'.repeat(40)}</div>
<table role="presentation" class="bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f6f8">
<tr><td class="outer" align="center" style="padding:32px 16px">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto">
<tr><td class="muted" style="padding:0 4px 12px;font:600 14px/20px ${FONT};color:${MUTED}">${e(p.org)}</td></tr>
<tr><td class="card ink" style="background:#ffffff;border-top:4px solid ${ACCENT};border-radius:8px;padding:36px 40px;color:${INK}">
<h1 style="margin:0 0 20px;font:700 24px/32px ${FONT};color:${INK}">${e(p.heading)}</h1>
${para(e(p.greeting))}
${p.paragraphs.map((t) => para(e(t))).join('\n')}
${anonymity}
${para(`${e(p.timing)}${deadline}`)}
${button}
<p class="muted" style="margin:0 0 24px;${small}">If the button does not work, copy this link into your browser:<br><a class="link" href="${e(p.surveyUrl)}" target="_blank" style="color:${ACCENT};word-break:break-all">${e(p.surveyUrl)}</a></p>
${para(`Thank you for your time.<br>${e(p.org)}`, 'margin:0')}
</td></tr>
<tr><td class="muted" style="padding:20px 4px 0;${small}">
<p style="margin:0 0 8px;${small}">Survey: ${e(p.wave)}</p>
<p style="margin:0 0 8px;${small}">${e(p.why)}</p>
<p style="margin:0;${small}">Prefer not to get these emails? <a class="link" href="${e(p.unsubscribeUrl)}" target="_blank" style="color:${MUTED};text-decoration:underline">Unsubscribe</a></p>
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`
}
