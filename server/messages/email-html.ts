import { escapeHtml as e } from '../lib/html'
import type { SafeBrand } from './brand'

export const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif"
export const INK = '#1f2933'
export const MUTED = '#52606d'
export const small = `font:13px/20px ${FONT};color:${MUTED}`

/** A body paragraph; `inner` is markup already escaped. */
export const para = (inner: string, style = '') =>
  `<p style="margin:0 0 16px;font:16px/24px ${FONT};color:${INK};${style}">${inner}</p>`

// The mso-only <i> spacers give Outlook's Word engine, which ignores padding on <a>, a
// full-size clickable button (Mark Robbins' "good email button" technique).
export const button = (href: string, label: string, colour: string) =>
  `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px"><tr><td bgcolor="${colour}" style="background:${colour};border-radius:6px"><a href="${e(href)}" target="_blank" style="display:inline-block;padding:14px 28px;font:600 16px/20px ${FONT};color:#ffffff;text-decoration:none;border-radius:6px"><!--[if mso]><i style="mso-font-width:200%;mso-text-raise:28px" hidden>&emsp;</i><![endif]--><span style="mso-text-raise:14px">${e(label)}</span><!--[if mso]><i style="mso-font-width:200%" hidden>&emsp;&#8203;</i><![endif]--></a></td></tr></table>`

/**
 * The one email document every message uses. Email HTML is its own dialect: tables for layout
 * (Outlook renders with Word), inline CSS (Gmail strips most <style>), and the <style> block
 * only adds phone and dark-mode tweaks. `card` and `footer` are markup already escaped.
 */
export function emailDocument(o: {
  language: string
  subject: string
  preheader: string
  brand: SafeBrand
  heading?: string
  card: string
  footer: string
}) {
  const { brand } = o
  const masthead = brand.logoUrl
    ? `<img src="${e(brand.logoUrl)}" alt="${e(brand.organisation)}" height="40" style="display:block;height:40px;width:auto;max-width:240px;border:0">`
    : e(brand.organisation)
  return `<!doctype html>
<html lang="${e(o.language)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>${e(o.subject)}</title>
<style>
@media (max-width:620px){.card{padding:28px 20px !important}.card h1{font-size:22px !important;line-height:30px !important}.outer{padding:16px 8px !important}}
@media (prefers-color-scheme:dark){.bg{background:#111827 !important}.card{background:#1f2937 !important}.ink,.ink p,.ink h1,.ink li{color:#f3f4f6 !important}.muted,.muted p,.ink .muted{color:#cbd5e1 !important}.link{color:#93c5fd !important}.note{background:#064e3b !important;color:#d1fae5 !important}}
</style>
</head>
<body class="bg" style="margin:0;padding:0;background:#f4f6f8;-webkit-text-size-adjust:100%">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all">${e(o.preheader)}${'&#847;&zwnj;&nbsp;'.repeat(40)}</div>
<table role="presentation" class="bg" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f6f8">
<tr><td class="outer" align="center" style="padding:32px 16px">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0"><tr><td><![endif]-->
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;margin:0 auto">
<tr><td class="muted" style="padding:0 4px 12px;font:600 14px/20px ${FONT};color:${MUTED}">${masthead}</td></tr>
<tr><td class="card ink" style="background:#ffffff;border-top:4px solid ${brand.primary};border-radius:8px;padding:36px 40px;color:${INK}">
${o.heading ? `<h1 style="margin:0 0 20px;font:700 24px/32px ${FONT};color:${INK}">${e(o.heading)}</h1>\n` : ''}${o.card}
</td></tr>
<tr><td class="muted" style="padding:20px 4px 0;${small}">
${o.footer}
</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>
`
}
