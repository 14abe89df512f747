import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expectFitsPhone, launchBrowser, openSignedIn } from '../helpers/browser'
import { startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  server = await startNodeServer()
  browser = await launchBrowser()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const failSignIn = (email: string) =>
  fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: server.url },
    body: JSON.stringify({ email, password: 'not the password' }),
  })

describe('Users page: failed sign-ins', () => {
  test('an admin sees an email backing off and clears it, at 1280 and 375 px', async () => {
    for (let i = 0; i < 5; i++) expect((await failSignIn('mallory@example.com')).status).toBe(401)
    expect((await failSignIn('mallory@example.com')).status).toBe(429)
    const errors: string[] = []
    const page = await openSignedIn(browser, {
      baseUrl: server.url,
      email: 'admin@example.com',
      password: 'correct horse battery',
      path: '/users',
      errors,
    })
    const section = page.getByRole('region', { name: 'Failed sign-ins' })
    // The address is the socket's, as Node reports it (127.0.0.1, or ::ffff:127.0.0.1).
    const row = section.getByRole('row', { name: /mallory@example\.com from \S*127\.0\.0\.1/ })
    await row.waitFor()
    await expect.poll(() => row.getByRole('cell').nth(0).textContent()).toBe('5')
    await page.screenshot({ path: '/tmp/shots/throttles-1280.png', fullPage: true })
    await expectFitsPhone(page, 'the users page with failed sign-ins')
    await page.screenshot({ path: '/tmp/shots/throttles-375.png', fullPage: true })
    const who = (await row.getByRole('rowheader').textContent())!
    await row.getByRole('button', { name: /Clear/ }).click()
    await page.getByText(`Failed sign-ins of ${who} were cleared.`).waitFor()
    await expect.poll(() => row.count()).toBe(0)
    // Cleared for real: the next wrong password is counted afresh (401, not 429).
    expect((await failSignIn('mallory@example.com')).status).toBe(401)
    expect(errors).toEqual([])
  })
})
