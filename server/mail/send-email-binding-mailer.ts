import type { Mailer, MailFailure, OutgoingMessage } from './mailer'
import { MailError } from './mailer'

/** What this code uses of Cloudflare's `send_email` binding (the structured form). */
export type SendEmailBinding = {
  send(message: {
    from: string | { email: string; name: string }
    to: string
    subject: string
    text?: string
    html?: string
    headers?: Record<string, string>
  }): Promise<unknown>
}

/**
 * Cloudflare's errors carry codes in the message (E_RATE_LIMIT_EXCEEDED, E_SENDER_NOT_VERIFIED,
 * E_RECIPIENT_…). A sender or domain problem is ours to fix (stop, keep the queue); a recipient
 * problem refuses this message; anything else (limits, internal errors) is retried.
 */
export function classifyBindingError(message: string): MailFailure {
  if (/sender|domain|not.?verified|not.?entitled|E_SENDER|E_DOMAIN|E_HEADER/i.test(message))
    return 'unavailable'
  if (/recipient|destination|not allowed|suppress|invalid.*address|E_RECIPIENT/i.test(message))
    return 'permanent'
  return 'temporary'
}

/** `"Name" <address>` or a bare address, as the binding wants it. */
function fromOf(from: string) {
  const named = /^\s*"?([^"<]*?)"?\s*<([^<>\s]+)>\s*$/.exec(from)
  return named?.[1] ? { name: named[1], email: named[2]! } : (named?.[2] ?? from.trim())
}

/**
 * Sends through the `send_email` binding. Cloudflare sets Message-ID itself (a header we may not
 * send), so our deterministic id travels as `X-CSI-Message-ID`; the binding has no idempotency
 * key, so a message whose "sent" mark is lost to a crash can go out twice (see the README).
 */
export function sendEmailBindingMailer(binding: SendEmailBinding): Mailer {
  return {
    description: 'Cloudflare send_email binding',
    async send(m: OutgoingMessage) {
      try {
        await binding.send({
          from: fromOf(m.from),
          to: m.to,
          subject: m.subject,
          text: m.text,
          html: m.html,
          headers: { ...m.headers, 'X-CSI-Message-ID': m.messageId },
        })
      } catch (err) {
        const message = String((err as Error)?.message ?? err)
        throw new MailError(message, classifyBindingError(message))
      }
    },
    async close() {},
  }
}
