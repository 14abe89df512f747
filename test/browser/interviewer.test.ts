import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerSurvey } from '../helpers/answer-survey'
import { launchBrowser, screenshotDir, submitSignIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'
import { STALL_MS } from '../helpers/wait-for'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }

async function waveWithContacts(name: string, contacts: string[]) {
  const wave = JSON.parse(
    await server.csi(
      'wave',
      'create',
      '--survey',
      'customer',
      '--name',
      name,
      '--closes',
      '2099-12-31',
      '--json',
    ),
  ) as { id: string }
  if (contacts.length === 0) return wave.id
  const file = join(mkdtempSync(join(tmpdir(), 'csi-contacts-')), 'contacts.csv')
  writeFileSync(file, ['email,name,region', ...contacts].join('\n'))
  await server.csi('contacts', 'import', file, '--wave', wave.id)
  return wave.id
}

function exportRows(csv: string) {
  const [header, ...rows] = csv.trim().split(/\r?\n/)
  const names = header!.split(',')
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i], v])))
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true })
}

async function noHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)
}

async function signIn(page: Page, password = ADMIN.password) {
  await submitSignIn(page, ADMIN.email, password)
}

/** Wave → search → contact → mode → survey → saved, screenshotting each step as `prefix-…`. */
async function interview(
  page: Page,
  o: { wave: string; search: string; who: RegExp; mode: string; prefix: string },
) {
  await page.getByRole('heading', { name: 'Choose a wave' }).waitFor()
  await shot(page, `${o.prefix}-waves`)
  await noHorizontalOverflow(page)
  await page.getByRole('button', { name: new RegExp(o.wave) }).click()
  await page.getByLabel('Name or email').fill(o.search)
  await page
    .getByRole('status')
    .filter({ hasText: new RegExp(`match(es)? “${o.search}”`) })
    .waitFor()
  await shot(page, `${o.prefix}-search`)
  await noHorizontalOverflow(page)
  await page.getByRole('button', { name: o.who }).click()
  await page.getByRole('button', { name: 'Start the interview' }).click()
  await page.getByRole('alert').filter({ hasText: 'Choose phone or face to face' }).waitFor()
  await page.getByRole('radio', { name: o.mode }).check()
  expect(await page.getByRole('alert').count()).toBe(0)
  await shot(page, `${o.prefix}-mode`)
  await page.getByRole('button', { name: 'Start the interview' }).click()
  await page.locator('.sd-question[data-name]').first().waitFor()
  await shot(page, `${o.prefix}-survey`)
  await noHorizontalOverflow(page)
  await answerSurvey(page, 4)
  await page.getByRole('heading', { name: 'Interview saved' }).waitFor({ timeout: STALL_MS })
  await shot(page, `${o.prefix}-saved`)
  await noHorizontalOverflow(page)
}

// answerSurvey and the waits below go on while the page still moves and fail on their own once
// it has not for STALL_MS, so no fixed time limit cuts them short on a busy machine.
describe('interviewer page in Chromium', { timeout: 0 }, () => {
  test('a wrong password shows an alert and keeps the visitor on the sign-in page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${server.url}/sign-in`)
    await signIn(page, 'not the password')
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/email and password do not match/)
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await shot(page, 'interviewer-sign-in-error')
    await page.close()
  })

  test('sign in → wave → search → Ana → phone → survey → saved; Ana then cannot be chosen', async () => {
    const waveId = await waveWithContacts('Spring customers', [
      'ana@example.com,Ana Silva,north',
      'bob@example.com,Bob Jones,south',
      'anabel@example.com,Anabel Ruiz,south',
    ])
    await waveWithContacts('Summer customers', [])
    const closed = await waveWithContacts('Winter customers', ['zoe@example.com,Zoe Park,north'])
    await server.csi('wave', 'close', closed)

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/interview`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(
      '/sign-in?next=%2Finterview',
    )
    await shot(page, 'interviewer-sign-in-desktop')
    await signIn(page)
    await page.getByRole('heading', { name: 'Interviews', level: 1 }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/interview')
    await expect.poll(() => page.getByRole('banner').textContent()).toContain(ADMIN.email)
    // The closed wave is listed, but as text: it cannot be chosen.
    await page.getByText('Winter customers').waitFor()
    expect(await page.getByRole('button', { name: /Winter customers/ }).count()).toBe(0)

    await interview(page, {
      wave: 'Spring customers',
      search: 'ana',
      who: /Ana Silva/,
      mode: 'Phone',
      prefix: 'interviewer-desktop',
    })

    const rows = exportRows(await server.csi('export', '--wave', waveId))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ wave: waveId, mode: 'phone', overall: '4' })
    const shown = JSON.parse(await server.csi('wave', 'show', waveId, '--json'))
    expect(shown.invitations.responded).toBe(1)

    // Next contact: back to the same search, refreshed; Ana is listed as responded, as text.
    await page.getByRole('button', { name: 'Next contact' }).click()
    await page.getByText('Already answered').waitFor()
    expect(await page.getByLabel('Name or email').inputValue()).toBe('ana')
    expect(await page.getByRole('button', { name: /Ana Silva/ }).count()).toBe(0)
    await expect
      .poll(() => page.locator('.contact--disabled').textContent())
      .toMatch(/Ana Silva.*Responded/)
    expect(await page.getByRole('button', { name: /Anabel Ruiz/ }).count()).toBe(1)
    await shot(page, 'interviewer-desktop-after')

    // Empty states say what to do next.
    await page.getByLabel('Name or email').fill('nobody')
    await page.getByRole('heading', { name: 'No contacts match “nobody”' }).waitFor()
    await page.getByRole('button', { name: 'Clear the search' }).click()
    await page.getByRole('button', { name: /Bob Jones/ }).waitFor()
    await page.getByRole('button', { name: 'Change wave' }).click()
    await page.getByRole('button', { name: /Summer customers/ }).click()
    await page.getByRole('heading', { name: 'No contacts in this wave yet' }).waitFor()
    expect(await page.locator('main pre').textContent()).toMatch(
      /npx csi contacts import .* --wave/,
    )
    await shot(page, 'interviewer-desktop-no-contacts')

    await page.getByRole('link', { name: 'Overview' }).click()
    await page.getByRole('heading', { name: 'Waves' }).waitFor()
    await page
      .getByRole('row', { name: /Spring customers/ })
      .getByText('33%')
      .waitFor()
    await shot(page, 'home-desktop')
    await page.close()
  }, 120_000)

  test('on a 375 px phone the same flow fits the screen (face to face, Bob)', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 760 },
      isMobile: true,
      hasTouch: true,
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/interview`)
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await shot(page, 'interviewer-sign-in-mobile')
    await noHorizontalOverflow(page)
    await signIn(page)
    await interview(page, {
      wave: 'Spring customers',
      search: 'bob',
      who: /Bob Jones/,
      mode: 'Face to face',
      prefix: 'interviewer-mobile',
    })
    const waveId = JSON.parse(await server.csi('wave', 'list', '--json')).find(
      (w: { name: string }) => w.name === 'Spring customers',
    ).id
    const rows = exportRows(await server.csi('export', '--wave', waveId))
    expect(rows.map((r) => r.mode).sort()).toEqual(['face_to_face', 'phone'])

    await page.getByRole('link', { name: 'Overview' }).click()
    await page
      .getByRole('row', { name: /Spring customers/ })
      .getByText('67%')
      .waitFor()
    await shot(page, 'home-mobile')
    await noHorizontalOverflow(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    await context.close()
  }, 120_000)
})
