import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startWranglerDev, type WranglerDev } from '../helpers/wrangler-dev'

const root = join(import.meta.dirname, '../..')
let dev: WranglerDev | undefined

beforeAll(async () => {
  // The assets binding needs the built client; `npm test` builds it before the tests.
  if (!existsSync(join(root, 'client/dist/index.html'))) {
    await promisify(execFile)('npm', ['run', 'build:client'], { cwd: root })
  }
  // A limit of 1 makes the var observable: the second respondent-link request gets 429.
  dev = await startWranglerDev({ vars: { TOKEN_RATE_LIMIT: '1' } })
}, 0) // no fixed limit: start-up fails on its own once wrangler shows no activity

afterAll(async () => {
  await dev?.stop()
})

describe('wrangler dev harness', () => {
  test('serves the Worker on the local D1, migrated and seeded', async () => {
    const res = await fetch(`${dev!.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'ok', runtime: 'workerd', db: 'ok' })
    expect(await dev!.d1('select count(*) as n from surveys')).toEqual([{ n: 4 }])
    await dev!.waitForLog(/^\[wrangler:info\] GET \/api\/health 200 OK/)
  })

  test('passes --var to the Worker and sees its D1 writes at once', async () => {
    expect((await fetch(`${dev!.url}/s/`)).status).toBe(404) // no link cookie, under the limit
    expect((await fetch(`${dev!.url}/s/`)).status).toBe(429)
    const rows = await dev!.d1("select count from rate_limits where key like 'token:%'")
    expect(rows).toEqual([{ count: 2 }])
  })

  test('stop() leaves no process of the group behind', async () => {
    const { pid, url } = dev!
    await dev!.stop()
    dev = undefined
    expect(() => process.kill(-pid, 0)).toThrow() // ESRCH: no process in the group
    await expect(fetch(`${url}/api/health`)).rejects.toThrow()
  })
})
