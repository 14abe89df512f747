import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
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
const desktop = { width: 1280, height: 900 }
const phone = { width: 375, height: 812 }
// The respondent's own words, markup included: the page must show it as typed, never run it.
const REASON =
  'Three deliveries in a row were late.\n<b>Please</b> call me <img src=x onerror=alert(1)>'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
let wave: string
let staff: string

async function csiJson(...args: string[]) {
  return JSON.parse(await server.csi(...args, '--json')) as { id: string }
}

beforeAll(async () => {
  server = await startNodeServer()
  browser = await launchBrowser()
  // Demo waves first: their open-link respondents left no contact details, so the default
  // rules open no follow-up for them. A keyed postal wave of invitees gives the list pages.
  await server.csi('demo', '--json')
  wave = (await csiJson('wave', 'create', '--survey', 'customer', '--name', 'Key accounts Q4')).id
  staff = (await csiJson('wave', 'create', '--survey', 'employee', '--name', 'Staff Q4')).id
  const dir = mkdtempSync(join(tmpdir(), 'csi-alerts-'))
  const bulk = (await csiJson('wave', 'create', '--survey', 'customer', '--name', 'Postal Q4')).id
  const invitees = Array.from({ length: 105 }, (_, i) => `postal${i}@example.com`)
  writeFileSync(join(dir, 'postal.csv'), ['email', ...invitees].join('\n') + '\n')
  await server.csi('contacts', 'import', join(dir, 'postal.csv'), '--wave', bulk)
  writeFileSync(
    join(dir, 'answers.csv'),
    ['respondent,overall,rebuy', ...invitees.map((e) => `${e},2,3`)].join('\n') + '\n',
  )
  await server.csi('responses', 'import', join(dir, 'answers.csv'), '--wave', bulk)
  const contacts = join(dir, 'contacts.csv')
  writeFileSync(
    contacts,
    'email,name,owner,region\nmaria@acme.example,María López,owner@example.com,north\n',
  )
  await server.csi('contacts', 'import', contacts, '--wave', wave)
  await server.csi('user', 'add', people.manager, '--role', 'manager', '--password', PASSWORD)
  await server.csi('user', 'add', people.hr, '--role', 'hr', '--password', PASSWORD)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function signedIn(role: Role, viewport = desktop) {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  await signInToOverview(page, server.url, people[role], PASSWORD)
  return { context, page }
}

/** Opens a page and waits until nothing on it is loading any more. */
async function open(page: Page, path: string) {
  await page.goto(`${server.url}${path}`)
  await page.locator('main h1').first().waitFor()
  await waitLoaded(page)
}
const waitLoaded = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, {
    timeout: 20_000,
  })

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)

/** María answers low in a phone interview, keyed by the manager (the same path as her link). */
async function interviewLowScore(context: BrowserContext) {
  const listed = await context.request.get(`${server.url}/api/waves/${wave}/invitations`)
  const [invitee] = (await listed.json()).invitations as { id: string }[]
  const res = await context.request.post(`${server.url}/api/waves/${wave}/interviews`, {
    data: {
      invitationId: invitee!.id,
      mode: 'phone',
      data: {
        overall: 1,
        rebuy: 4,
        attributes: { product_quality: 4, delivery_reliability: 1, price_value: 3 },
        low_score_reason: REASON,
        region: 'north',
      },
    },
  })
  expect(res.status()).toBe(201)
}

describe('follow-ups (closing the loop) in Chromium', () => {
  let alertId = ''

  test('a manager finds the low score, reads it, notes what was done and resolves it', async () => {
    const { context, page } = await signedIn('manager')
    await interviewLowScore(context)
    await open(page, '/')

    // The overview row says how many are waiting and links to them.
    const row = page.locator('tbody', { hasText: 'Key accounts Q4' })
    await row.getByRole('link', { name: /1 open follow-up/ }).click()
    await expect.poll(() => new URL(page.url()).search).toBe(`?status=open&wave=${wave}`)
    const table = page.getByRole('table')
    const maria = table.getByRole('row', { name: /María López/ })
    // Reasons in words: overall at 1; delivery at 1 too, but attribute rules are opt-in.
    await maria.getByText('Overall satisfaction: 1 of 5').waitFor()
    expect(await maria.textContent()).not.toContain('Reliable delivery')
    expect(await maria.textContent()).toContain('owner@example.com')
    expect(await maria.textContent()).toContain('Open')

    // Every follow-up, a page at a time; the focus goes to the first row loaded.
    await open(page, '/alerts')
    expect(await table.locator('tbody tr').count()).toBe(50)
    await page.getByRole('button', { name: 'Load more' }).click()
    await expect.poll(() => table.locator('tbody tr').count()).toBe(100)
    expect(
      await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.alertIndex),
    ).toBe('50')
    await open(page, `/alerts?wave=${wave}`)
    await maria.waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alerts-list-desktop')

    await maria.getByRole('link', { name: 'María López' }).click()
    await page.getByRole('heading', { level: 1, name: 'María López' }).waitFor()
    alertId = new URL(page.url()).pathname.split('/').pop()!
    const main = page.locator('main')
    expect(await main.getByRole('link', { name: 'maria@acme.example' }).getAttribute('href')).toBe(
      'mailto:maria@acme.example',
    )
    const answers = page.getByRole('region', { name: 'Their answers' })
    const quote = answers.locator('blockquote')
    expect(await quote.textContent()).toBe(REASON)
    expect(await quote.locator('b, img').count()).toBe(0)
    expect(
      await answers.getByRole('listitem').filter({ hasText: 'Overall satisfaction' }).textContent(),
    ).toContain('1 of 5 · low score')
    expect(
      await answers.getByRole('listitem').filter({ hasText: 'Value for money' }).textContent(),
    ).toContain('3 of 5')
    expect(await answers.textContent()).toContain('North')
    const facts = page.getByRole('region', { name: 'Contact and owner' })
    expect(await facts.textContent()).toContain('First actionNone yet')
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alert-detail-desktop')

    // A note alone, then In progress, then Resolved; each saved with a message and in the history.
    const act = page.getByRole('region', { name: 'Follow up' })
    const history = page.getByRole('region', { name: 'History' })
    await act.getByRole('button', { name: 'Save' }).click()
    await act.getByRole('alert').getByText('Choose another status or write a note first.').waitFor()
    await act.getByLabel('Note').fill('Called María: a new delivery slot is agreed.')
    await act.getByRole('button', { name: 'Save' }).click()
    await act.getByRole('status').getByText('Note added.').waitFor()
    await history.getByText('Called María: a new delivery slot is agreed.').waitFor()
    expect(await history.textContent()).toContain(people.manager)
    expect(await facts.textContent()).toMatch(/First actionunder an hour after it was raised/)
    expect(await act.getByLabel('Note').inputValue()).toBe('')

    await act.getByLabel('In progress').check()
    await act.getByRole('button', { name: 'Save' }).click()
    await act.getByRole('status').getByText('Moved to “In progress”.').waitFor()
    await act.getByLabel('Resolved').check()
    await act.getByLabel('Note').fill('Delivered on the new date.')
    await act.getByRole('button', { name: 'Save' }).click()
    await act.getByRole('status').getByText('Moved to “Resolved”, with your note.').waitFor()
    await history.getByText('Moved from “In progress” to “Resolved”').waitFor()
    expect(await page.locator('.alert-head__meta').textContent()).toContain('Resolved')
    expect(await facts.textContent()).toContain('Resolved')
    await shot(page, 'alert-detail-resolved-desktop')

    // The list's filters, kept in the address: resolved shows it, open no longer does.
    await page.getByRole('link', { name: 'Follow-ups' }).first().click()
    await page.getByLabel('Wave').selectOption(wave)
    await page.getByLabel('Status').selectOption('resolved')
    await expect.poll(() => new URL(page.url()).search).toBe(`?status=resolved&wave=${wave}`)
    await maria.getByText('Resolved').waitFor()
    await page.getByLabel('Status').selectOption('open')
    await page
      .getByRole('heading', { name: 'No follow-ups: every low score has been dealt with' })
      .waitFor()
    expect(await table.count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alerts-all-done-desktop')
    await page.getByLabel('Owner').selectOption('unassigned')
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe('unassigned')
    await context.close()
  })

  test('the rules dialog saves a changed threshold; an employee wave has none', async () => {
    const { context, page } = await signedIn('manager')
    await page.getByRole('button', { name: 'Follow-up rules for Key accounts Q4' }).click()
    const dialog = page.getByRole('dialog', { name: /Follow-up rules/ })
    await dialog
      .getByText(/^These are the default rules: they apply to invited contacts only/)
      .waitFor()
    // The figures: one raised, resolved, acted on.
    expect(await dialog.locator('.follow-up-figures').textContent()).toContain('100%')
    await dialog.getByLabel('Rule 1: is at or below').selectOption('3')
    await dialog.getByLabel('Rule 2: When').selectOption('attribute:delivery_reliability')
    await dialog.getByLabel('Wave owner’s email').fill('not an email')
    await dialog.getByRole('button', { name: 'Save rules' }).click()
    await dialog.getByText(/email/i).and(dialog.locator('.field__error')).waitFor()
    await dialog.getByLabel('Wave owner’s email').fill('Team@Acme.example')
    await dialog.getByRole('button', { name: 'Save rules' }).click()
    await dialog
      .getByRole('status')
      .getByText(/^Saved\./)
      .waitFor()
    await dialog
      .getByText(/^Own rules, for every response; the default is: .*, for invited contacts only\.$/)
      .waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alert-rules-desktop')
    const saved = await (
      await context.request.get(`${server.url}/api/waves/${wave}/alert-rules`)
    ).json()
    expect(saved.isDefault).toBe(false)
    expect(saved.ownerEmail).toBe('team@acme.example')
    expect(saved.rules).toEqual([
      { field: 'overall', max: 3 },
      { field: 'attribute', key: 'delivery_reliability', max: 2 },
    ])
    await dialog.getByRole('button', { name: 'Reset to default' }).click()
    await dialog.getByRole('status').getByText('Back to the default rules.').waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Follow-up rules for Key accounts Q4',
    )
    await context.close()

    // Only an admin sees an employee wave here: the server's refusal, as a notice.
    const admin = await signedIn('admin')
    await admin.page.getByRole('button', { name: 'Follow-up rules for Staff Q4' }).click()
    const refused = admin.page.getByRole('dialog', { name: /Follow-up rules for “Staff Q4”/ })
    await refused.getByRole('heading', { name: 'No follow-ups for this wave' }).waitFor()
    expect(await refused.textContent()).toMatch(/employee survey: it is anonymous/)
    await shot(admin.page, 'alert-rules-employee-desktop')
    await admin.context.close()
  })

  test('HR sees no follow-ups: no link, a notice, and the API says no', async () => {
    const { context, page } = await signedIn('hr')
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link', { name: 'Follow-ups' }).count()).toBe(0)
    await open(page, '/alerts')
    await page.getByRole('heading', { name: 'Follow-ups are for managers and admins' }).waitFor()
    const list = await (await context.request.get(`${server.url}/api/alerts`)).json()
    expect(list.alerts).toEqual([])
    expect((await context.request.get(`${server.url}/api/alerts/${alertId}`)).status()).toBe(403)
    await open(page, `/alerts/${alertId}`)
    await page.getByRole('heading', { name: 'This follow-up is not yours to see' }).waitFor()
    await context.close()
  })

  test('on a 375 px phone: the list as cards, the follow-up in one column', async () => {
    const { context, page } = await signedIn('manager', phone)
    await open(page, `/alerts?wave=${wave}`)
    await page.getByRole('link', { name: 'María López' }).waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alerts-list-phone')
    await page.getByRole('link', { name: 'María López' }).click()
    await page.getByRole('heading', { level: 1, name: 'María López' }).waitFor()
    await waitLoaded(page)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alert-detail-phone')
    // Back to the list as it was filtered, then its settings.
    await page.locator('main').getByRole('link', { name: 'Follow-ups' }).click()
    await expect.poll(() => new URL(page.url()).search).toBe(`?wave=${wave}`)
    await page.getByText('Follow-up settings').click()
    await page.getByLabel('Overdue after (days)').fill('5')
    await page.getByRole('button', { name: 'Save the overdue days' }).click()
    await page.getByText('Saved: a follow-up is overdue 5 days after it is raised.').waitFor()
    // The round-robin team: a bad line is named; saved, the list comes back cleaned.
    const team = page.getByLabel('Follow-up team (round robin)')
    await team.fill('Ann@acme.example\nbob')
    await page.getByRole('button', { name: 'Save the team' }).click()
    await page.getByText(/Line 2 \(bob\): .*email/i).waitFor()
    await team.fill('Ann@acme.example\nbob@acme.example')
    await page.getByRole('button', { name: 'Save the team' }).click()
    await page.getByText('Saved: 2 people take unowned follow-ups in turn.').waitFor()
    expect(await team.inputValue()).toBe('ann@acme.example\nbob@acme.example')
    await page
      .locator('.alert-settings__team')
      .screenshot({ path: join(screenshotDir, 'alerts-team-phone.png') })
    const customers = page.getByRole('form', { name: /Customers/ })
    await customers.getByLabel('Subject').fill('We heard you, {name}')
    await customers.getByRole('button', { name: 'Save the customer email' }).click()
    await customers.getByText('Your text').waitFor()
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'alerts-settings-phone')
    await page.setViewportSize(desktop)
    expect(await overflow(page)).toBeLessThanOrEqual(0)
    await page
      .locator('.alert-settings__body')
      .screenshot({ path: join(screenshotDir, 'alerts-settings-desktop.png') })
    const settings = await (await context.request.get(`${server.url}/api/alerts/settings`)).json()
    expect(settings.overdueDays).toBe(5)
    expect(settings.team).toEqual(['ann@acme.example', 'bob@acme.example'])
    expect(settings.acknowledgements[0]).toMatchObject({
      audience: 'customer',
      custom: true,
      subject: 'We heard you, {name}',
    })
    await context.close()
  })
})
