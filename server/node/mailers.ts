import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type { Mailer, MailFailure, OutgoingMessage } from '../mail/mailer'
import { MailError } from '../mail/mailer'

type NodemailerError = Error & { code?: string; responseCode?: number; response?: string }

/** 4xx and dropped connections are worth retrying; 5xx is a bounce; no server stops the run. */
export function classifySmtpError(err: NodemailerError): MailFailure {
  const code = err.responseCode
  if (code && code >= 500) return 'permanent'
  if (code && code >= 400) return 'temporary'
  if (['ECONNREFUSED', 'EDNS', 'EAUTH', 'ECONFIG', 'ENOTFOUND', 'ETLS'].includes(err.code ?? ''))
    return 'unavailable'
  return 'temporary'
}

const toNodemailer = (m: OutgoingMessage) => ({
  from: m.from,
  to: m.to,
  subject: m.subject,
  text: m.text,
  html: m.html,
  messageId: m.messageId,
  headers: m.headers,
})

/** SMTP through a pool of `connections` reused connections (SMTP_URL). */
export function smtpMailer(url: string, connections = 8): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: connections,
    maxMessages: Infinity,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  })
  const safe = new URL(url)
  safe.password = ''
  safe.username = ''
  return {
    description: safe.toString().replace(/\/$/, ''),
    async send(message) {
      try {
        await transport.sendMail(toNodemailer(message))
      } catch (err) {
        const e = err as NodemailerError
        throw new MailError(e.response ?? e.message, classifySmtpError(e))
      }
    },
    async close() {
      transport.close()
    },
  }
}

/**
 * Without SMTP_URL: each message becomes `<dir>/<message id>.eml`, openable in any mail client.
 * Written to a temporary name and renamed, so a file is either whole or absent.
 */
export function emlMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  })
  let ready: Promise<unknown> | null = null
  return {
    description: dir,
    async send(message) {
      ready ??= mkdir(dir, { recursive: true })
      await ready
      const info = (await transport.sendMail(toNodemailer(message))) as unknown as {
        message: Buffer
      }
      const name = message.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9._@-]/g, '_')
      const file = join(dir, `${name}.eml`)
      await writeFile(`${file}.tmp`, info.message)
      await rename(`${file}.tmp`, file)
    },
    async close() {},
  }
}
