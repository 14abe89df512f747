import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { launchBrowser, submitSignIn } from '../helpers/browser'
import { startNodeServer } from '../helpers/node-server'

// The report page weighted to a population (issue 19 item 2): upload, the weighted and the
// unweighted CSI side by side, removal. The expected CSI comes from `csi report --weights` on
// the same file (the CLI's file path, independent of the wave's aggregates and rating codes).

let server: Awaited<ReturnType<typeof startNodeServer>>
let browser: Browser
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery' }
const keys = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]
const dir = mkdtempSync(join(tmpdir(), 'csi-weighting-'))
const responses = join(dir, 'responses.csv')
const population = join(dir, 'population.csv')

beforeAll(async () => {
  // 60 respondents: north (40) rate 4–5, south (20) rate 2–3; the population is 30/70.
  const rows = [['audience', 'overall', 'rebuy', ...keys, 'region'].join(',')]
  for (let i = 0; i < 60; i++) {
    const north = i < 40
    const v = north ? 4 + (i % 2) : 2 + (i % 2)
    const a = keys.map((_, j) => String(Math.max(1, Math.min(5, v + ((i + j) % 3) - 1))))
    rows.push(['customer', v, v, ...a, north ? 'north' : 'south'].join(','))
  }
  writeFileSync(responses, rows.join('\n'))
  writeFileSync(population, 'region,share\nnorth,30\nsouth,70\n')
  server = await startNodeServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('report page with weighting on', () => {
  test('upload a population: weighted CSI beside the unweighted one; screenshots', async () => {
    const { id } = JSON.parse(
      await server.csi('wave', 'create', '--survey', 'customer', '--name', 'Weighted', '--json'),
    ) as { id: string }
    await server.csi('responses', 'import', responses, '--wave', id)
    const cli = JSON.parse(
      await server.csi('report', responses, '--weights', population, '--format', 'json'),
    )
    const g = cli.groups[0]
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(`${server.url}/waves/${id}`)
    await submitSignIn(page, ADMIN.email, ADMIN.password)
    const panel = page.locator('.weighting')
    await panel.getByText('Not weighted').waitFor()
    await panel.locator('input[type=file]').setInputFiles(population)
    await panel.getByText('Weighted CSI', { exact: true }).waitFor()
    const text = (await panel.textContent()) ?? ''
    const band = (b: string) => b[0]!.toUpperCase() + b.slice(1)
    expect(text).toContain(`Weighted CSI${g.csi.score10.toFixed(1)}/10 ${band(g.csi.band)}`)
    expect(text).toContain(
      `Unweighted CSI${g.unweighted.csi.score10.toFixed(1)}/10 ${band(g.unweighted.csi.band)}`,
    )
    expect(text).toContain(`60 respondents count as ${g.weighting.effectiveN.toFixed(1)}`)
    await page.locator('.csi-card').waitFor()
    await page.screenshot({ path: '/tmp/shots/report-weighting-1280.png', fullPage: true })
    await page.setViewportSize({ width: 375, height: 800 })
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: '/tmp/shots/report-weighting-375.png', fullPage: true })
    await panel.getByRole('button', { name: 'Remove weighting' }).click()
    await panel.getByText('Not weighted').waitFor()
    await page.close()
  })
})
