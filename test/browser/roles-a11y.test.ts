import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser, screenshotDir, signInToOverview } from '../helpers/browser'
import { startNodeServer } from '../helpers/node-server'

const PASSWORD = 'correct horse battery'
const people = {
  admin: 'admin@example.com',
  manager: 'manager@example.com',
  hr: 'hr@example.com',
} as const
type Role = keyof typeof people

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
let waves: Record<'q2' | 'q4' | 'wholesale' | 'staff', string>

beforeAll(async () => {
  server = await startNodeServer()
  browser = await launchBrowser()
  // 1200 gives 120 staff: enough in every department for a first release of employee results
  // (with 40, a small department holds it back until the wave closes, and HR sees no figures).
  const demo = JSON.parse(await server.csi('demo', '--responses', '1200', '--json')) as {
    waves: { id: string; name: string }[]
  }
  const id = (part: string) => demo.waves.find((w) => w.name.includes(part))!.id
  waves = {
    q2: id('Q2'),
    q4: id('Q4 customers'),
    wholesale: id('wholesalers'),
    staff: id('employees'),
  }
  await server.csi('user', 'add', people.manager, '--role', 'manager', '--password', PASSWORD)
  await server.csi('user', 'add', people.hr, '--role', 'hr', '--password', PASSWORD)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signedIn(role: Role, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await signInToOverview(page, server.url, people[role], PASSWORD)
  return { context, page }
}

/** Opens a dashboard page and waits until nothing on it is loading any more. */
async function open(page: Page, path: string) {
  await page.goto(`${server.url}${path}`)
  await page.locator('main h1').first().waitFor()
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, {
    timeout: 20_000,
  })
}

const apiStatus = (context: BrowserContext, path: string) =>
  context.request.get(`${server.url}${path}`).then((r) => r.status())

describe('dashboard roles in the browser (SPEC §6a)', () => {
  test('a manager reads customer results and reaches nothing of HR’s or admin’s', async () => {
    const { context, page } = await signedIn('manager')
    const main = page.locator('main')
    await expect.poll(() => main.textContent()).toContain('Demo 2026 Q4 customers')
    expect(await main.textContent()).not.toContain('Demo 2026 Q4 employees')
    expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0)
    await open(page, `/waves/${waves.q4}`)
    await page.locator('canvas').first().waitFor()
    // Direct object URLs: the page says no, and so does the API behind it.
    await open(page, `/waves/${waves.staff}/gaps`)
    await expect.poll(() => main.textContent()).toMatch(/employee survey: its results are for HR/)
    await open(page, '/users')
    await expect.poll(() => main.textContent()).toMatch(/admin/i)
    expect(await apiStatus(context, `/api/waves/${waves.staff}/report`)).toBe(403)
    expect(await apiStatus(context, `/api/waves/${waves.staff}/comments`)).toBe(403)
    expect(await apiStatus(context, `/api/users`)).toBe(403)
    expect(await apiStatus(context, `/api/waves/${waves.q4}/responses.csv`)).toBe(200)
    await context.close()
  })

  test('HR reads the employee wave and its gaps, never customer waves on their own', async () => {
    const { context, page } = await signedIn('hr')
    const main = page.locator('main')
    await expect.poll(() => main.textContent()).toContain('Demo 2026 Q4 employees')
    expect(await main.textContent()).not.toContain('Demo 2026 Q4 customers')
    await open(page, `/waves/${waves.staff}/gaps`)
    await page.locator('canvas').first().waitFor()
    await open(page, `/waves/${waves.q4}`)
    await expect.poll(() => main.textContent()).toMatch(/HR reports start from an employee wave/)
    expect(await apiStatus(context, `/api/waves/${waves.q4}/report`)).toBe(403)
    expect(await apiStatus(context, `/api/waves/${waves.staff}/responses.csv`)).toBe(403)
    expect(
      await apiStatus(
        context,
        `/api/waves/${waves.staff}/report?with=${waves.q4}&compare=employee:customer`,
      ),
    ).toBe(200)
    expect(await apiStatus(context, `/api/users`)).toBe(403)
    await context.close()
  })

  test(
    'every page has no serious or critical axe-core violations, at 1280 and 375 px',
    { timeout: 300_000 },
    async () => {
      const pages: [Role, string, string][] = [
        ['admin', '/', 'overview'],
        ['admin', `/waves/${waves.q4}`, 'report'],
        ['admin', `/waves/${waves.q4}?by=region`, 'report-by-region'],
        ['admin', `/waves/${waves.q4}/trend`, 'trend'],
        ['admin', `/waves/${waves.q4}/comments`, 'comments'],
        ['hr', `/waves/${waves.staff}`, 'employee-report'],
        ['hr', `/waves/${waves.staff}/gaps`, 'gaps'],
        ['hr', `/waves/${waves.staff}/comments`, 'employee-comments'],
        ['admin', '/users', 'users'],
        ['admin', '/settings', 'settings'],
        ['hr', '/settings', 'settings-hr'],
        ['manager', '/account', 'account'],
        ['manager', '/interview', 'interview'],
      ]
      const found: string[] = []
      for (const viewport of [
        { width: 1280, height: 900 },
        { width: 375, height: 812 },
      ]) {
        const sessions = new Map<Role, Awaited<ReturnType<typeof signedIn>>>()
        for (const [role, path, name] of pages) {
          if (!sessions.has(role)) sessions.set(role, await signedIn(role, viewport))
          const { page } = sessions.get(role)!
          await open(page, path)
          for (const v of await seriousViolations(page))
            found.push(`${path} @${viewport.width}: ${v}`)
          await page.screenshot({
            path: join(screenshotDir, `a11y-${name}-${viewport.width}.png`),
            fullPage: true,
          })
        }
        for (const { context } of sessions.values()) await context.close()
      }
      expect(found).toEqual([])
    },
  )

  test('the sign-in page passes axe too, and the dashboard is keyboard-reachable', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${server.url}/sign-in`)
    await page.getByLabel('Email').waitFor()
    expect(await seriousViolations(page)).toEqual([])
    // The check can fail: an unlabelled field is a critical violation.
    await page.evaluate(() => document.body.append(document.createElement('input')))
    expect((await seriousViolations(page)).join()).toMatch(/label \(critical\)/)
    await page.reload()
    await page.getByLabel('Email').waitFor()
    // Keyboard only: tab to the email field, type, tab to password, Enter.
    await page.keyboard.press('Tab')
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('type') ?? '')
    for (let i = 0; i < 5 && (await focused()) !== 'email'; i++) await page.keyboard.press('Tab')
    await page.keyboard.type(people.admin)
    await page.keyboard.press('Tab')
    await page.keyboard.type(PASSWORD)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor()
    // Skip link first, then on into the page.
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await context.close()
  })
})
