import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { answerSurvey } from '../helpers/answer-survey'
import { launchBrowser, screenshotDir } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'
import { startSmtpServer, surveyLink } from '../helpers/smtp'
import { STALL_MS } from '../helpers/wait-for'

let smtp: Awaited<ReturnType<typeof startSmtpServer>>
let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/respond.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  smtp = await startSmtpServer()
  server = await startNodeServer({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Acme Ltd <surveys@acme.example>',
  })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await smtp?.stop()
})

async function invitedWave(survey: string, contacts: string[]) {
  const wave = JSON.parse(
    await server.csi(
      'wave',
      'create',
      '--survey',
      survey,
      '--name',
      `Browser ${survey}s`,
      '--closes',
      '2099-12-31',
      '--json',
    ),
  )
  const file = join(mkdtempSync(join(tmpdir(), 'csi-contacts-')), 'contacts.csv')
  writeFileSync(
    file,
    ['email,name,region', ...contacts.map((e, i) => `${e},Person ${i},north`)].join('\n'),
  )
  await server.csi('contacts', 'import', file, '--wave', wave.id)
  await server.csi('invite', '--wave', wave.id)
  return wave.id as string
}

// answerSurvey and the waits below go on while the page still moves and fail on their own once
// it has not for STALL_MS, so no fixed time limit cuts them short on a busy machine.
describe('an emailed invitation in Chromium', { timeout: 0 }, () => {
  test('the link from the received message opens the survey without the token in the URL; answers resume; one submission', async () => {
    const waveId = await invitedWave('customer', ['ana@example.com'])
    const mail = smtp.received.find((m) => m.to === 'ana@example.com')!
    const link = surveyLink(mail)

    // The email as a mail client shows it.
    const inbox = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await inbox.setContent(mail.html)
    await inbox.screenshot({
      path: join(screenshotDir, 'email-invitation-desktop.png'),
      fullPage: true,
    })
    await inbox.setViewportSize({ width: 375, height: 800 })
    await inbox.screenshot({
      path: join(screenshotDir, 'email-invitation-mobile.png'),
      fullPage: true,
    })
    expect(await inbox.getByRole('link', { name: 'Start the survey' }).getAttribute('href')).toBe(
      link,
    )
    await inbox.close()

    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      isMobile: true,
    })
    const page = await context.newPage()
    const referrers: string[] = []
    page.on('request', (r) => referrers.push(r.headers()['referer'] ?? ''))
    await page.goto(link)
    // The token was exchanged for a cookie: the address bar shows /s/ only.
    expect(new URL(page.url()).pathname).toBe('/s/')
    await page.locator('.sd-question[data-name="overall"]').waitFor()
    await page
      .locator('.sd-question[data-name="overall"] label.sd-rating__item')
      .filter({ hasText: '2' })
      .first()
      .click()
    // Saved on the server as they go: a fresh browser (another device) resumes from the draft.
    await expect
      .poll(
        async () =>
          JSON.parse(await server.csi('wave', 'show', waveId, '--json')).invitations.partial,
        { timeout: STALL_MS },
      )
      .toBe(1)
    await page.close()

    const other = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const resumed = await other.newPage()
    await resumed.goto(link)
    await resumed.locator('.sd-question[data-name="overall"]').waitFor()
    expect(
      await resumed
        .locator(
          '.sd-question[data-name="overall"] input[type="radio"]:checked, .sd-question[data-name="overall"] .sd-rating__item--selected',
        )
        .count(),
    ).toBeGreaterThan(0)
    await resumed.screenshot({
      path: join(screenshotDir, 'respond-invitation-desktop.png'),
      fullPage: true,
    })
    await answerSurvey(resumed, 2)
    await resumed
      .getByText(/thank you/i)
      .first()
      .waitFor({ timeout: STALL_MS })
    expect(referrers.filter((r) => r.includes('/s/') && r.length > 60)).toEqual([])

    // Opening the link again: already answered, no survey.
    const again = await other.newPage()
    const res = await again.goto(link)
    expect(res?.status()).toBe(409)
    await again.getByRole('heading', { name: 'Already answered' }).waitFor()
    await again.screenshot({ path: join(screenshotDir, 'respond-used-link.png') })

    const shown = JSON.parse(await server.csi('wave', 'show', waveId, '--json'))
    expect(shown.invitations).toMatchObject({ invited: 1, responded: 1, rr1: 1 })
    await context.close()
    await other.close()
  })
})
