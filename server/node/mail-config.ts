import { dirname, join } from 'node:path'
import type { Mailer } from '../mail/mailer'
import { senderOf } from '../mail/from-address'
import type { NodeEnv } from './config'
import { emlMailer, smtpMailer } from './mailers'

/** SMTP_URL's mailer, or `.eml` files in `outbox/` beside the database (./data/outbox/). */
export function nodeMailer(env: NodeEnv, connections?: number): Mailer {
  if (env.SMTP_URL) return smtpMailer(env.SMTP_URL, connections)
  return emlMailer(join(dirname(env.DATABASE_PATH), 'outbox'))
}

/** MAIL_FROM, or the default sender for PUBLIC_URL's host. */
export const nodeSender = (env: NodeEnv) => senderOf(env.MAIL_FROM, env.PUBLIC_URL)
