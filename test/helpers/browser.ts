import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { repoRoot } from './node-server'

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const screenshotDir = join(repoRoot, 'test-results')

/** Debian's Chromium, headless, with the flags this sandboxed, offline machine needs. */
export async function launchBrowser() {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: run \`apt-get install -y chromium\` (.ci/run does)`,
    )
  }
  mkdirSync(screenshotDir, { recursive: true })
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
