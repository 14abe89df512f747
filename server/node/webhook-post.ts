import { lookup } from 'node:dns'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { LookupFunction } from 'node:net'
import { isPrivateAddress, WebhookTargetRefused } from '../webhooks/target-guard'
import type { WebhookPost } from '../webhooks/deliver'

const TIMEOUT_MS = 10_000

/**
 * Posts a webhook with Node's http(s), checking every address the host resolves to at connect
 * time: the address connected to is the one checked, so a name that resolves to a public
 * address once and a private one the next (DNS rebinding) is still refused.
 */
export function nodeWebhookPost(allowPrivate: boolean): WebhookPost {
  const guarded: LookupFunction = (hostname, options, callback) =>
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4)
      const list = addresses as unknown as { address: string; family: number }[]
      const refused = list.find((a) => isPrivateAddress(a.address))
      if (refused && !allowPrivate)
        return callback(
          new WebhookTargetRefused(
            `${hostname} resolves to a private, loopback or link-local address (${refused.address})`,
          ),
          '',
          4,
        )
      if ((options as { all?: boolean }).all) return callback(null, list as never)
      callback(null, list[0]!.address, list[0]!.family)
    })
  return (url, headers, body) =>
    new Promise((resolve, reject) => {
      const target = new URL(url)
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest
      const req = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: guarded,
          timeout: TIMEOUT_MS,
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve({ status: res.statusCode ?? 0 }))
        },
      )
      req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS / 1000} s`)))
      req.on('error', reject)
      req.end(body)
    })
}
