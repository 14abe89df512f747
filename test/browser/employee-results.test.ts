import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import type { CommentsPage } from '../../client/dashboard/comments/comments-model'
import type { GapRow } from '../../client/dashboard/gaps/gap-model'
import { seriousViolations } from '../helpers/axe'
import { launchBrowser, screenshotDir, expectFitsPhone, openSignedIn } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const PASSWORD = 'correct horse battery'
const HR = 'hr@example.com'
const ADMIN = 'admin@example.com'
const pageErrors: string[] = []
const demo: Record<string, string> = {}
/** The employee wave whose releases the tests follow, and the small customer wave beside it. */
let pulse: string
let smallCustomers: string

const attributes = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]
const day = 86_400_000
const ymd = (d: Date) => d.toISOString().slice(0, 10)
/** When the employee wave and the small customer wave open: far from the demo's waves. */
const fielded = ymd(new Date(Date.now() - 100 * day))

function csv(lines: string[]) {
  const file = join(mkdtempSync(join(tmpdir(), 'csi-staff-')), 'responses.csv')
  writeFileSync(file, lines.join('\n'))
  return file
}

/** Staff answers, all in one department, each with a comment; `from` varies the ratings. */
function staffCsv(comments: string[], from: number) {
  const rows = comments.map((c, i) => {
    const r = (j: number) => String(((from + i + j) % 3) + 3)
    return ['employee', r(0), ...attributes.map((_, j) => r(j)), 'sales', `"${c}"`].join(',')
  })
  return csv([['audience', 'overall', ...attributes, 'department', 'comments'].join(','), ...rows])
}

async function createWave(survey: string, name: string, ...options: string[]) {
  const out = await server.csi('wave', 'create', '--survey', survey, '--name', name, ...options)
  return (JSON.parse(out) as { id: string }).id
}

const importFile = (file: string, wave: string) =>
  server.csi('responses', 'import', file, '--wave', wave)

beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'client/dist/index.html'))) {
    throw new Error('client/dist is missing: run `npm run build:client` first (npm test does)')
  }
  server = await startNodeServer()
  const made = JSON.parse(await server.csi('demo', '--responses', '400', '--json')) as {
    waves: { id: string; name: string }[]
  }
  for (const w of made.waves) demo[w.name.replace(/^Demo 2026 /, '')] = w.id
  await server.csi('user', 'add', HR, '--role', 'hr', '--password', PASSWORD)
  const closes = ymd(new Date(Date.now() + 30 * day))
  pulse = await createWave(
    'employee',
    'Staff pulse',
    '--opens',
    fielded,
    '--closes',
    closes,
    '--json',
  )
  smallCustomers = await createWave('customer', 'Small customers', '--opens', fielded, '--json')
  const customerRow = ['customer', '4', '4', ...attributes.map(() => '3')].join(',')
  await importFile(
    csv([['audience', 'overall', 'rebuy', ...attributes].join(','), customerRow]),
    smallCustomers,
  )
  browser = await launchBrowser()
})

afterEach(() => {
  expect(pageErrors).toEqual([])
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const openAs = (email: string, path: string) =>
  openSignedIn(browser, {
    baseUrl: server.url,
    email,
    password: PASSWORD,
    path,
    errors: pageErrors,
  })

async function api<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}${path}`)
  expect(res.status()).toBe(200)
  return (await res.json()) as T
}

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 })

/** Screenshots at 1280 px and 375 px (where nothing may scroll sideways), then axe. */
async function check(page: Page, name: string) {
  await page.screenshot({ path: join(screenshotDir, `${name}-1280.png`), fullPage: true })
  await expectFitsPhone(page, name)
  await page.screenshot({ path: join(screenshotDir, `${name}-375.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  expect(await seriousViolations(page)).toEqual([])
}

const release = (page: Page) => page.locator('.release')

describe('employee results in Chromium (HR)', () => {
  test('nothing released: the report says why and when, and offers one breakdown only', async () => {
    await importFile(staffCsv(['Quiet week', 'Busy week', 'Average week'], 0), pulse)
    const page = await openAs(HR, `/waves/${pulse}`)
    await poll(() => release(page).getAttribute('data-release')).toBe('none')
    expect(await release(page).locator('h2').textContent()).toBe('No results released yet')
    const text = await release(page).textContent()
    expect(text).toContain('3 responses received so far, none of them released yet.')
    expect(text).toContain('once at least 5 staff have answered, and each department with answers')
    expect(await page.locator('.csi-card').count()).toBe(0)
    const by = page.getByLabel('Break down by')
    expect(await by.locator('option').allTextContents()).toEqual(['No breakdown', 'Department'])
    expect(await page.locator('#report-by-hint').textContent()).toContain(
      'break down by department only',
    )
    await check(page, 'employee-report-unreleased')
    await page.close()
  })

  test('released, then newer answers held back: the panel follows the API release', async () => {
    await importFile(staffCsv(['Great team', 'More training please', 'Tools are slow'], 1), pulse)
    const page = await openAs(HR, `/waves/${pulse}`)
    await page.locator('.csi-card').waitFor()
    const first = await api<{ release: { responses: number; pending: boolean } }>(
      page,
      `/api/waves/${pulse}/report`,
    )
    expect(first.release).toMatchObject({ responses: 6, pending: false })
    expect(await release(page).getAttribute('data-release')).toBe('current')
    expect(await release(page).locator('h2').textContent()).toMatch(
      /^Results released on .+: 6 responses$/,
    )
    await page.getByLabel('Break down by').selectOption('department')
    await page.waitForURL((u) => u.searchParams.get('by') === 'department')
    await page.locator('.segment-table').waitFor()

    await importFile(staffCsv(['Canteen food', 'Long meetings'], 2), pulse)
    await page.reload()
    await poll(() => release(page).getAttribute('data-release')).toBe('pending')
    expect(await release(page).locator('h2').textContent()).toMatch(/: 6 responses$/)
    expect(await release(page).textContent()).toContain(
      'Newer responses are held back until at least 5 more have arrived in every group with new answers',
    )
    expect(await page.locator('.wave-head__meta').textContent()).toContain('8 responses received')
    await page.locator('.segment-table').waitFor()
    await check(page, 'employee-report-pending')
    await page.close()
  })

  test('a closed wave shows its final results', async () => {
    const closed = await createWave('employee', 'Closed pulse', '--json')
    await importFile(staffCsv(['A', 'B', 'C', 'D', 'E', 'F'], 0), closed)
    await server.csi('wave', 'close', closed)
    const page = await openAs(HR, `/waves/${closed}`)
    await poll(() => release(page).getAttribute('data-release')).toBe('final')
    expect(await release(page).locator('h2').textContent()).toBe('Final results (wave closed)')
    await page.locator('.csi-card').waitFor()
    await page.close()
  })

  test('comments: one anonymous list, withheld under the comment threshold', async () => {
    const page = await openAs(HR, `/waves/${pulse}/comments`)
    await page.getByRole('heading', { name: 'Comments withheld' }).waitFor()
    expect(await page.getByLabel('Group by the rating of').count()).toBe(0)
    expect(await page.getByRole('tab').count()).toBe(0)
    const notice = await page.locator('.notice').first().textContent()
    expect(notice).toContain('alphabetical order, without names, dates or ratings')
    expect(notice).toContain('Only once at least 10 staff have commented')
    expect(notice).toContain('Only from the released results')
    await check(page, 'employee-comments-withheld')
    await page.close()
  })

  test('admin: the anonymity thresholds form checks its fields and saves', async () => {
    const page = await openAs(ADMIN, '/settings')
    const group = page.getByLabel('Smallest group shown')
    await poll(() => group.inputValue()).toBe('5')
    expect(await page.locator('.settings-floor').textContent()).toContain('Never fewer than 3.')
    await group.fill('2')
    await page.getByRole('button', { name: 'Save thresholds' }).click()
    await poll(() => page.locator('#anon-minGroup-error').textContent()).toBe(
      'Enter a whole number from 3 to 50.',
    )
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('anon-minGroup')
    await group.fill('5')
    const comments = page.getByLabel('Staff commenting before comments are shown')
    await comments.fill('4')
    await page.getByRole('button', { name: 'Save thresholds' }).click()
    await poll(() => page.locator('#anon-minComments-error').textContent()).toMatch(/^At least 5/)
    await check(page, 'settings-anonymity-error')
    await comments.fill('5')
    await page.getByRole('button', { name: 'Save thresholds' }).click()
    await poll(() => page.locator('.users-status').textContent()).toContain('Saved.')
    const saved = await api<{ minGroup: number; minComments: number }>(
      page,
      '/api/settings/anonymity',
    )
    expect(saved).toMatchObject({ minGroup: 5, minComments: 5 })
    await check(page, 'settings-anonymity')
    await page.close()
  })

  test('admin: the bands form checks its fields and saves; HR reads the bands', async () => {
    const page = await openAs(ADMIN, '/settings')
    const strength = page.getByLabel('Strength from')
    await poll(() => strength.inputValue()).toBe('8')
    const adequate = page.getByLabel('Adequate from')
    await adequate.fill('8.5')
    await page.getByRole('button', { name: 'Save bands' }).click()
    await poll(() => page.locator('#bands-adequate-error').textContent()).toMatch(
      /^Below the strength cut-off \(8\)/,
    )
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bands-adequate')
    await check(page, 'settings-bands-error')
    await strength.fill('7.5')
    await adequate.fill('6.5')
    await page.getByLabel('Scale', { exact: true }).selectOption('proportional')
    await page.getByRole('button', { name: 'Save bands' }).click()
    await poll(() =>
      page.locator('section[aria-labelledby="bands-title"] .settings-status').textContent(),
    ).toContain('Saved.')
    expect(await api(page, '/api/settings/bands')).toEqual({
      strength: 7.5,
      adequate: 6.5,
      scale: 'proportional',
    })
    await check(page, 'settings-bands')
    // The report page's scale control starts at the programme's scale, and so do its numbers.
    const report = await openAs(ADMIN, `/waves/${demo['Q4 customers']}`)
    await poll(() => report.locator('#report-scale').inputValue()).toBe('proportional')
    const data = await api<{ scale: { mapping: string } }>(
      report,
      `/api/waves/${demo['Q4 customers']}/report`,
    )
    expect(data.scale.mapping).toBe('proportional')
    await report.close()
    // Put back the defaults the other tests' bands assume.
    await strength.fill('8')
    await adequate.fill('7')
    await page.getByLabel('Scale', { exact: true }).selectOption('linear')
    await page.getByRole('button', { name: 'Save bands' }).click()
    await poll(() =>
      page.locator('section[aria-labelledby="bands-title"] .settings-status').textContent(),
    ).toContain('from 8,')
    await page.close()
    const hr = await openAs(HR, '/settings')
    await hr.getByRole('heading', { name: 'Bands and scale' }).waitFor()
    await poll(() => hr.locator('.settings-values').nth(1).textContent()).toContain('Linear')
    await check(hr, 'settings-bands-hr')
    await hr.close()
  })

  test('comments: the released staff comments, alphabetical, without ratings or dates', async () => {
    const page = await openAs(HR, `/waves/${pulse}/comments`)
    const data = await api<CommentsPage>(page, `/api/waves/${pulse}/comments`)
    const texts = data.bands.flatMap((b) => b.comments.map((c) => c.text))
    expect(texts).toEqual(
      [
        'Busy week',
        'Average week',
        'Great team',
        'More training please',
        'Quiet week',
        'Tools are slow',
      ].sort((a, b) => a.localeCompare(b)),
    )
    await page.getByRole('heading', { name: 'All staff comments' }).waitFor()
    expect(await page.locator('.comment__text').allTextContents()).toEqual(texts)
    expect(await page.locator('.comment__rating, .comment__date').count()).toBe(0)
    expect(await page.locator('.comments-summary').textContent()).toBe(
      '6 comments from 6 staff, in alphabetical order.',
    )
    await page.getByLabel('Filter the comments').fill('week')
    await poll(() => page.locator('.comment').count()).toBe(3)
    await page.getByLabel('Filter the comments').fill('')
    await check(page, 'employee-comments')
    await page.close()
  })

  test('gaps: the default is the closest customer wave with enough answers; a tiny one is untested', async () => {
    const page = await openAs(HR, `/waves/${pulse}/gaps`)
    const compare = page.getByLabel('Compare staff with')
    await poll(() => compare.inputValue()).toBe(demo['Q4 customers'])
    expect(await page.locator('#gaps-compare-note').textContent()).toContain(
      'closest in time to this one with at least 5 responses',
    )
    const large = await api<{ gaps: GapRow[] }>(
      page,
      `/api/waves/${pulse}/report?with=${demo['Q4 customers']}&compare=employee:customer`,
    )
    const tested = large.gaps.filter(
      (g) => g.verdict !== 'descriptive-only' && g.verdict !== 'suppressed',
    ).length
    expect(tested).toBeGreaterThan(0)
    await page.locator('.gaps-table').waitFor()
    expect(await page.locator('#gaps-headline-title').textContent()).not.toMatch(
      /^No gap could be tested/,
    )
    expect(await page.locator('.gaps-legend').textContent()).toContain(
      `for testing ${tested} attribute${tested === 1 ? '' : 's'} at once`,
    )
    await check(page, 'employee-gaps-large')

    await compare.selectOption(smallCustomers)
    await page.waitForURL((u) => u.searchParams.get('with') === smallCustomers)
    await poll(() => page.locator('#gaps-headline-title').textContent()).toBe(
      'No gap could be tested yet: too few customers answered (a test needs at least 2 answers in each group)',
    )
    expect(await page.locator('.gaps-legend').textContent()).toContain(
      'Here no attribute could be tested.',
    )
    expect(await page.locator('#gaps-compare-note').count()).toBe(0)
    await check(page, 'employee-gaps-small')
    await page.close()
  })
})
