import type { MailSetup } from '../distribution/background-sender'
import type { HttpEmailProvider } from '../mail/http-api-mailer'
import { httpApiMailer, httpEmailProviders } from '../mail/http-api-mailer'
import type { SendEmailBinding } from '../mail/send-email-binding-mailer'
import { sendEmailBindingMailer } from '../mail/send-email-binding-mailer'
import { senderOf } from '../mail/from-address'

export type WorkerMailEnv = {
  EMAIL?: SendEmailBinding
  EMAIL_PROVIDER?: string
  EMAIL_API_URL?: string
  EMAIL_API_KEY?: string
  MAIL_FROM?: string
}

/** A mis-set variable: named, so the log says what to fix. */
export class WorkerConfigError extends Error {}

/**
 * The Worker's mail transport from its bindings: EMAIL_PROVIDER names it; without it, an
 * HTTPS API when EMAIL_API_URL or EMAIL_API_KEY is set, else the send_email binding. Null when
 * nothing is configured (email then waits in the outbox).
 */
export function workerMail(env: WorkerMailEnv, publicUrl: string): MailSetup | null {
  const provider =
    env.EMAIL_PROVIDER ??
    (env.EMAIL_API_URL || env.EMAIL_API_KEY ? 'resend' : env.EMAIL ? 'cloudflare' : null)
  if (!provider) return null
  const sender = senderOf(env.MAIL_FROM, publicUrl)
  if (provider === 'cloudflare') {
    if (!env.EMAIL)
      throw new WorkerConfigError(
        'EMAIL_PROVIDER is "cloudflare" but the send_email binding EMAIL is missing: see wrangler.toml',
      )
    return { mailer: sendEmailBindingMailer(env.EMAIL), ...sender }
  }
  if (!(httpEmailProviders as readonly string[]).includes(provider))
    throw new WorkerConfigError(
      `EMAIL_PROVIDER: "${provider}" is not one of cloudflare, ${httpEmailProviders.join(', ')}`,
    )
  if (provider === 'resend' && !env.EMAIL_API_KEY && !env.EMAIL_API_URL)
    throw new WorkerConfigError('EMAIL_API_KEY: required for the "resend" email provider')
  try {
    return {
      mailer: httpApiMailer({
        provider: provider as HttpEmailProvider,
        url: env.EMAIL_API_URL,
        apiKey: env.EMAIL_API_KEY,
      }),
      ...sender,
    }
  } catch (err) {
    throw new WorkerConfigError((err as Error).message)
  }
}
