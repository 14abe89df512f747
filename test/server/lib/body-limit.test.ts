import { Hono } from 'hono'
import { describe, expect, test } from 'vitest'
import { bodyLimitOf } from '../../../server/lib/middleware'

const app = new Hono()
  .use(bodyLimitOf(() => 10))
  .post('/', async (c) => c.json({ got: await c.req.text() }, 200))
  .get('/', (c) => c.json({ ok: true }, 200))

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  app.request('/', { method: 'POST', body, headers })

describe('bodyLimitOf()', () => {
  test('a declared length over the limit is refused; within it the body is read', async () => {
    expect((await post('x'.repeat(11), { 'content-length': '11' })).status).toBe(413)
    const ok = await post('x'.repeat(10), { 'content-length': '10' })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({ got: 'xxxxxxxxxx' })
  })

  test('a streamed body without a length is counted as it arrives', async () => {
    const stream = (n: number) =>
      new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('y'.repeat(n)))
          c.close()
        },
      })
    const init = (n: number) => ({ method: 'POST', body: stream(n), duplex: 'half' }) as RequestInit
    expect((await app.request('/', init(11))).status).toBe(413)
    expect((await app.request('/', init(10))).status).toBe(200)
  })

  test('GET passes', async () => {
    expect((await app.request('/')).status).toBe(200)
  })
})
