/** What a message says, in both forms. */
export type MessageContent = { subject: string; text: string; html: string }

/** One email, fully composed; headers are built only from validated values. */
export type OutgoingMessage = {
  from: string
  to: string
  subject: string
  text: string
  html: string
  /** `<…@host>`: deterministic per outbox row, so a resend after a crash is recognisable. */
  messageId: string
  headers: Record<string, string>
}

/**
 * How a send failed: `temporary` (4xx, timeouts) is retried with back-off, `permanent` (5xx)
 * is recorded as a bounce, `unavailable` (no server, bad credentials) stops the run and leaves
 * the message queued.
 */
export type MailFailure = 'temporary' | 'permanent' | 'unavailable'

export class MailError extends Error {
  constructor(
    message: string,
    readonly failure: MailFailure,
  ) {
    super(message)
  }
}

/** Sends mail: SMTP or `.eml` files on Node; other transports on Workers. */
export interface Mailer {
  /** Resolves once the receiving server accepted the message; throws MailError otherwise. */
  send(message: OutgoingMessage): Promise<void>
  close(): Promise<void>
  /** Says where mail goes, for logs: "smtp://host:587", "./data/outbox". */
  readonly description: string
}
