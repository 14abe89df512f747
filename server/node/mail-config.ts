import { dirname, join } from 'node:path'
import type { Mailer } from '../mail/mailer'
import type { NodeEnv } from './config'
import { emlMailer, smtpMailer } from './mailers'

/** SMTP_URL's mailer, or `.eml` files in `outbox/` beside the database (./data/outbox/). */
export function nodeMailer(env: NodeEnv, connections?: number): Mailer {
  if (env.SMTP_URL) return smtpMailer(env.SMTP_URL, connections)
  return emlMailer(join(dirname(env.DATABASE_PATH), 'outbox'))
}

/**
 * The From header and the organisation named in messages: MAIL_FROM as `Name <address>` or a
 * bare address; by default `CSI Toolkit <surveys@<PUBLIC_URL host>>`.
 */
export function senderOf(env: NodeEnv) {
  const from = env.MAIL_FROM ?? `CSI Toolkit <surveys@${new URL(env.PUBLIC_URL).hostname}>`
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+@[^<>\s]+)>\s*$/.exec(from)
  if (named)
    return {
      from: named[1] ? `"${named[1]}" <${named[2]}>` : named[2]!,
      organisation: named[1] || 'CSI Toolkit',
    }
  return { from: from.trim(), organisation: 'CSI Toolkit' }
}
