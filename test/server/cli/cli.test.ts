import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { openDatabase } from '../../../server/node/open-database'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { repoRoot } from '../../helpers/node-server'
import { signedInAs } from '../../helpers/session'

const run = promisify(execFile)

function cli() {
  const env = {
    ...process.env,
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'csi-cli-')), 'csi.db'),
    PUBLIC_URL: 'https://survey.example.com',
  }
  return async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['server/cli/bin.js', ...args], {
        cwd: repoRoot,
        env,
      })
      return { code: 0, stdout, stderr }
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string }
      return { code: e.code, stdout: e.stdout, stderr: e.stderr }
    }
  }
}

describe('csi wave create', () => {
  test('--open --json prints the wave and a link on PUBLIC_URL', async () => {
    const csi = cli()
    const out = await csi(
      'wave',
      'create',
      '--survey',
      'retailer',
      '--name',
      'Q4 retailers',
      '--closes',
      '2099-12-31',
      '--open',
      '--json',
    )
    expect(out.code).toBe(0)
    const wave = JSON.parse(out.stdout)
    expect(wave).toMatchObject({
      name: 'Q4 retailers',
      survey: 'retailer',
      surveyVersion: 1,
      audience: 'retailer',
      closesAt: '2099-12-31T23:59:59.000Z',
    })
    expect(wave.id).toMatch(/^w-[a-z0-9]{10}$/)
    expect(wave.link).toMatch(/^https:\/\/survey\.example\.com\/s\/[A-Za-z0-9_-]{43}$/)
  })

  test('without --open prints only the id', async () => {
    const out = await cli()('wave', 'create', '--survey', 'customer', '--name', 'Plain')
    expect(out.code).toBe(0)
    expect(out.stdout.trim()).toMatch(/^w-[a-z0-9]{10}$/)
  })

  test.each([
    [
      ['--survey', 'nope', '--name', 'X'],
      /--survey: no survey "nope" \(known: customer, employee, retailer, wholesaler\)/,
    ],
    [
      ['--survey', 'customer', '--name', 'X', '--closes', 'someday'],
      /--closes: "someday" is not a date/,
    ],
    [
      ['--survey', 'customer', '--name', 'X', '--closes', '2001-01-01'],
      /--closes: 2001-01-01 is in the past/,
    ],
    [['--survey', 'customer'], /required option '--name <name>'/],
  ])('refuses %j with a message naming the option', async (args, message) => {
    const out = await cli()('wave', 'create', ...args)
    expect(out.code).not.toBe(0)
    expect(out.stderr).toMatch(message)
  })
})

describe('csi export', () => {
  test('an unknown wave is an error naming --wave', async () => {
    const out = await cli()('export', '--wave', 'w-missing')
    expect(out.code).toBe(1)
    expect(out.stderr).toContain('--wave: no wave "w-missing"')
  })

  test('a wave without responses prints just the header', async () => {
    const csi = cli()
    const id = (
      await csi('wave', 'create', '--survey', 'employee', '--name', 'Staff')
    ).stdout.trim()
    const out = await csi('export', '--wave', id)
    expect(out.code).toBe(0)
    const lines = out.stdout.trim().split(/\r?\n/)
    expect(lines).toHaveLength(1)
    expect(lines[0]!.split(',').slice(0, 5)).toEqual([
      'respondent',
      'wave',
      'audience',
      'mode',
      'submitted_at',
    ])
    expect(lines[0]).toContain('delivery_reliability')
  })
})

describe('csi user add', () => {
  test('creates a user with a one-time password, refuses a duplicate and a bad role', async () => {
    const csi = cli()
    const ok = await csi('user', 'add', 'hr@example.com', '--role', 'hr')
    expect(ok.code).toBe(0)
    expect(ok.stdout).toMatch(/Created hr hr@example.com\nOne-time password: \S{20}\n/)
    const dup = await csi(
      'user',
      'add',
      'HR@example.com',
      '--role',
      'hr',
      '--password',
      'long enough',
    )
    expect(dup.stderr).toContain('a user HR@example.com already exists')
    const bad = await csi('user', 'add', 'x@example.com', '--role', 'boss')
    expect(bad.stderr).toContain('--role: "boss" is not one of admin, manager, hr')
  })
})

describe('csi report --wave', () => {
  test('prints the same report JSON as the API, and md by default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-cli-report-'))
    const env = { ...process.env, DATABASE_PATH: join(dir, 'csi.db') }
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['server/cli/bin.js', ...args], { cwd: repoRoot, env })
    const wave = JSON.parse(
      (await run('wave', 'create', '--survey', 'customer', '--name', 'R', '--open', '--json'))
        .stdout,
    )
    const token = wave.link.split('/s/')[1]
    const store = openDatabase(env.DATABASE_PATH)
    const app = createApp({
      store: () => store,
      config: () => ({
        runtime: 'node',
        publicUrl: 'http://localhost:8787',
        bodyLimit: 1e6,
        authSecret: 'x'.repeat(32),
        tokenRateLimit: 0,
      }),
      asset: async () => null,
    })
    for (const overall of [1, 2, 3, 4, 5, 4, 4]) {
      const res = await app.request(
        `/api/links/${token}/responses`,
        json(submission(makeCustomerAnswers({ overall, region: overall > 3 ? 'north' : 'south' }))),
      )
      expect(res.status).toBe(201)
    }
    const cookie = await signedInAs(app, store, 'manager')
    const api = await (
      await app.request(`/api/waves/${wave.id}/report?by=region`, { headers: { Cookie: cookie } })
    ).json()
    store.close()
    const cliJson = JSON.parse(
      (await run('report', '--wave', wave.id, '--by', 'region', '--format', 'json')).stdout,
    )
    expect(cliJson).toEqual(api)
    expect(cliJson.groups[0]).toMatchObject({ audience: 'customer', n: 7 })
    const rebuilt = (await run('aggregates', 'rebuild', '--wave', wave.id)).stdout
    expect(rebuilt).toMatch(new RegExp(`^Rebuilt \\d+ cells from 7 responses of ${wave.id} in`))
    const afterRebuild = JSON.parse(
      (await run('report', '--wave', wave.id, '--by', 'region', '--format', 'json')).stdout,
    )
    expect(afterRebuild).toEqual(api)
    const md = (await run('report', '--wave', wave.id)).stdout
    expect(md).toMatch(/## Customers \(n = 7\)/)
    const bad = await cli()('report', '--wave', wave.id, '--na', '0').catch((e) => e)
    expect(bad.stderr).toContain('--na: applies to CSV files only')
  }, 60_000)
})
