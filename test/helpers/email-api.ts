import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { waitForCondition } from './wait-for'

export type ApiCall = {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
}

/**
 * A stand-in HTTPS email API on 127.0.0.1 (plain HTTP): records every POST and answers with
 * `respond` (200 by default). Idempotency keys already accepted are answered 200 without being
 * counted again, as Resend does, so `accepted` is what a recipient would receive.
 */
export async function startEmailApi(respond: (call: ApiCall, n: number) => number = () => 200) {
  const calls: ApiCall[] = []
  const accepted: ApiCall[] = []
  const seenKeys = new Set<string>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        res.writeHead(400).end('{"message":"not JSON"}')
        return
      }
      const call = { path: req.url ?? '/', headers: req.headers, body }
      calls.push(call)
      const key = String(req.headers['idempotency-key'] ?? '')
      if (key && seenKeys.has(key)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"dup"}')
        return
      }
      const status = respond(call, calls.length)
      if (status < 300) {
        if (key) seenKeys.add(key)
        accepted.push(call)
      }
      res
        .writeHead(status, { 'content-type': 'application/json' })
        .end(status < 300 ? `{"id":"m${calls.length}"}` : `{"message":"status ${status}"}`)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/emails`,
    calls,
    accepted,
    /**
     * Resolves once `n` messages have been accepted; fails only when no request at all reached
     * the API for `stallMs` (see waitForCondition), saying how many arrived.
     */
    async waitForAccepted(n: number, o: { stallMs?: number } = {}) {
      await waitForCondition(
        `${n} emails accepted`,
        () => ({ accepted: accepted.length, requests: calls.length }),
        {
          done: (v) => v.accepted >= n,
          describe: (v) => `${v.accepted} of ${n} accepted (${v.requests} requests received)`,
          stallMs: o.stallMs,
        },
      )
      return accepted
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  }
}

/** The survey link in an accepted message's text. */
export function linkIn(call: ApiCall) {
  const m = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(String(call.body.text))
  if (!m) throw new Error(`no survey link in: ${String(call.body.text).slice(0, 200)}`)
  return m[0]
}
