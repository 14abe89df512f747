import type { Mailer, MailFailure, OutgoingMessage } from './mailer'
import { MailError } from './mailer'

/** HTTPS email APIs the Worker (or Node) can send through. */
export const httpEmailProviders = ['resend', 'http'] as const
export type HttpEmailProvider = (typeof httpEmailProviders)[number]

export type HttpApiMailerOptions = {
  provider: HttpEmailProvider
  /** Endpoint; Resend's by default. Required for "http". */
  url?: string
  apiKey?: string
  /** Per-request time limit. */
  timeoutMs?: number
  fetch?: typeof fetch
}

const defaultUrls: Record<HttpEmailProvider, string | undefined> = {
  resend: 'https://api.resend.com/emails',
  http: undefined,
}

/**
 * The JSON body each provider takes. "http" is ours: the whole message as composed (a relay of
 * your own, or a test server), Message-ID included.
 */
function bodyOf(provider: HttpEmailProvider, m: OutgoingMessage) {
  if (provider === 'resend')
    return {
      from: m.from,
      to: [m.to],
      subject: m.subject,
      text: m.text,
      html: m.html,
      headers: { ...m.headers, 'Message-ID': m.messageId },
    }
  return m
}

/**
 * 429, 409 (the same key still in flight) and 5xx are worth retrying; 401/403 mean the key or
 * the sending domain is wrong, which stops the run with the messages still queued; any other
 * 4xx refuses this message (a bad address), recorded as a bounce.
 */
export function classifyHttpStatus(status: number): MailFailure {
  if (status === 429 || status === 409 || status === 408 || status >= 500) return 'temporary'
  if (status === 401 || status === 403) return 'unavailable'
  return 'permanent'
}

/**
 * Sends each message as one POST with an `Idempotency-Key`: the outbox row's Message-ID, the
 * same on every retry of the same message, so a provider that honours the key (Resend keeps it
 * 24 hours) sends a message once even when our "sent" mark was lost after it accepted.
 */
export function httpApiMailer(o: HttpApiMailerOptions): Mailer {
  const url = o.url ?? defaultUrls[o.provider]
  if (!url) throw new Error(`EMAIL_API_URL: required for the "${o.provider}" email provider`)
  const send = o.fetch ?? fetch
  const timeoutMs = o.timeoutMs ?? 30_000
  const where = new URL(url)
  return {
    description: `${o.provider} ${where.origin}${where.pathname}`,
    async send(message) {
      let res: Response
      try {
        res = await send(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': message.messageId.replace(/[<>]/g, ''),
            ...(o.apiKey ? { Authorization: `Bearer ${o.apiKey}` } : {}),
          },
          body: JSON.stringify(bodyOf(o.provider, message)),
          signal: AbortSignal.timeout(timeoutMs),
        })
      } catch (err) {
        // No answer (refused, reset, timed out): the provider may or may not have it; the
        // idempotency key makes the retry safe.
        throw new MailError(`${where.host}: ${(err as Error).message}`, 'temporary')
      }
      if (res.ok) {
        await res.body?.cancel()
        return
      }
      const detail = (await res.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 300)
      throw new MailError(
        `${where.host} answered ${res.status}${detail ? `: ${detail}` : ''}`,
        classifyHttpStatus(res.status),
      )
    },
    async close() {},
  }
}
