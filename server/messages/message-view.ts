import type { Context } from 'hono'
import type { SessionUser } from '../auth/require-role'
import type { Db } from '../db/client'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { MailError } from '../mail/mailer'
import type { Audience } from '../surveys/audiences'
import type { Brand } from './brand'
import { emailBrand } from './email-brand'
import type { MessageBook } from './message-book'
import { loadMessageBook } from './message-book'
import type { MessageKind, MessageTemplate } from './message-kinds'
import { fieldsOf } from './message-kinds'
import { shippedPack } from './message-language'
import { sampleMessage } from './sample-message'

type Target = { audience: Audience; kind: MessageKind; language: string }
type Ctx = Context<AppEnv & { Variables: { user: SessionUser } }>

const languageName = (tag: string) =>
  new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag

/** What the preview says about the language it shows, or null when all is as asked. */
function noteOf(t: Target, book: MessageBook) {
  const resolved = book.resolve(t.audience, t.kind, t.language)
  const name = languageName(t.language)
  if (resolved.fallback)
    return `Nothing is written in ${name} (${t.language}) yet: ${name} contacts get this message in English. Save words here to write it in ${name}.`
  if (shippedPack(t.language).fallback)
    return `The layout's own words (the link hint, unsubscribe, the anonymity note) stay in English: they are shipped in English, German, French and Spanish only.`
  return null
}

/** The editor's view of one message: its words as they go out, the shipped ones, and a note. */
export async function messageView(db: Db, t: Target) {
  const book = await loadMessageBook(db)
  const resolved = book.resolve(t.audience, t.kind, t.language)
  const shipped = shippedPack(t.language).pack.templates[t.audience][t.kind]!
  const pick = (w: MessageTemplate) =>
    Object.fromEntries(fieldsOf[t.kind].map((f) => [f, w[f] ?? ''])) as Record<string, string>
  return {
    ...t,
    template: pick({ ...shipped, ...resolved.template }),
    shipped: pick(shipped),
    custom: book.edited(t.audience, t.kind, t.language) !== undefined,
    note: noteOf(t, book),
  }
}

const brandOf = (c: Ctx) => emailBrand(c.var.db, c.var.config.publicUrl)

function render(
  c: Ctx,
  t: Target,
  book: MessageBook,
  draft: MessageTemplate | undefined,
  brand: Brand | undefined,
) {
  const resolved = book.resolve(t.audience, t.kind, t.language)
  return sampleMessage({
    ...t,
    language: draft ? t.language : resolved.language,
    template: draft ?? resolved.template,
    brand,
    organisation: c.var.mail()?.organisation ?? 'CSI Toolkit',
    publicUrl: c.var.config.publicUrl,
    now: new Date(),
  })
}

/** The message filled with example facts (a draft's words when given, else the saved ones). */
export async function previewOf(c: Ctx, t: Target, book: MessageBook, draft?: MessageTemplate) {
  return { ...render(c, t, book, draft, await brandOf(c)), note: noteOf(t, book) }
}

/** Sends the previewed message to the signed-in user through the configured mailer. */
export async function sendTest(c: Ctx, t: Target, book: MessageBook, draft?: MessageTemplate) {
  const mail = c.var.mail()
  if (!mail)
    throw new ApiError(
      'UNAVAILABLE',
      'No email transport is configured: set SMTP_URL (Node) or EMAIL_PROVIDER (Workers)',
    )
  const content = render(c, t, book, draft, await brandOf(c))
  const host = new URL(c.var.config.publicUrl).hostname
  try {
    await mail.mailer.send({
      from: mail.from,
      to: c.var.user.email,
      ...content,
      subject: `[Test] ${content.subject}`,
      messageId: `<test-${crypto.randomUUID()}@${host}>`,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-CSI-Message': `test@${host}` },
    })
  } catch (err) {
    const message = err instanceof MailError ? err.message : String(err)
    throw new ApiError('UNAVAILABLE', `The test email was not sent: ${message}`)
  }
  return { sentTo: c.var.user.email, subject: `[Test] ${content.subject}` }
}
