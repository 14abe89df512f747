import { simpleParser } from 'mailparser'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export type Received = {
  to: string
  messageId: string
  subject: string
  text: string
  html: string
  headers: Map<string, unknown>
  raw: string
}

/**
 * A real SMTP server on 127.0.0.1 (the `smtp-server` package) that keeps what it receives.
 * `temporaryFailures` answers 421 to that many DATA commands first; `rejected` addresses get
 * 550 at RCPT; `delayMs` slows each message (to kill a sender half-way).
 */
export async function startSmtpServer(
  opts: { temporaryFailures?: number; rejected?: string[]; delayMs?: number } = {},
) {
  const received: Received[] = []
  let failuresLeft = opts.temporaryFailures ?? 0
  let attempts = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (opts.rejected?.includes(address.address.toLowerCase())) {
        const err = Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 })
        return callback(err)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', async () => {
        attempts++
        if (failuresLeft > 0) {
          failuresLeft--
          return callback(Object.assign(new Error('4.3.2 Try again later'), { responseCode: 421 }))
        }
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs))
        const raw = Buffer.concat(chunks).toString('utf8')
        const mail = await simpleParser(raw)
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          messageId: mail.messageId ?? '',
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          headers: mail.headers as Map<string, unknown>,
          raw,
        })
        callback()
      })
    },
  })
  // A sender killed mid-conversation resets its connection: expected here, not a test failure.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') throw err
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    attempts: () => attempts,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  }
}

/** The survey link in a received invitation's plain-text body. */
export function surveyLink(mail: Received) {
  const m = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(mail.text)
  if (!m) throw new Error(`no survey link in message to ${mail.to}`)
  return m[0]
}

/** A header as sent (unfolded), read from the raw message rather than mailparser's objects. */
export function rawHeader(mail: Received, name: string) {
  const head = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ')
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line ? line.slice(name.length + 1).trim() : null
}
