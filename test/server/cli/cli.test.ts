import { Command, Help } from 'commander'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { registerAggregates } from '../../../server/cli/aggregates'
import { registerContacts } from '../../../server/cli/contacts'
import { registerDemo } from '../../../server/cli/demo'
import { registerExport } from '../../../server/cli/export'
import { commandList } from '../../../server/cli/main'
import { registerReport } from '../../../server/cli/report'
import { registerResponses } from '../../../server/cli/responses'
import { registerSend } from '../../../server/cli/send'
import { registerServe } from '../../../server/cli/serve'
import { registerSettings } from '../../../server/cli/settings'
import { registerSurvey } from '../../../server/cli/survey'
import { registerCatalogue } from '../../../server/cli/catalogue'
import { registerUser } from '../../../server/cli/user'
import { registerApiKey } from '../../../server/cli/apikey'
import { registerWebhook } from '../../../server/cli/webhook'
import { registerWave } from '../../../server/cli/wave'
import { openDatabase } from '../../../server/node/open-database'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { csiWithDatabase as cli, runCsi } from '../../helpers/cli'
import { signedInAs } from '../../helpers/session'

describe('csi --help', () => {
  test('lists every command with the term and description of its own definition', async () => {
    const io = { stdout: () => {}, stderr: () => {}, env: {} }
    const program = new Command('csi')
    for (const register of [
      registerServe,
      registerWave,
      registerContacts,
      registerSend,
      registerResponses,
      registerExport,
      registerReport,
      registerUser,
      registerApiKey,
      registerWebhook,
      registerSettings,
      registerSurvey,
      registerCatalogue,
      registerAggregates,
      registerDemo,
    ])
      register(program, io)
    const help = new Help()
    const defined = program.commands.map((c) => [c.name(), help.subcommandTerm(c), c.description()])
    expect(defined).toEqual(Object.entries(commandList).map(([name, entry]) => [name, ...entry]))
    const out = await runCsi(['--help'])
    expect(out.code).toBe(0)
    for (const [term, description] of Object.values(commandList)) {
      expect(out.stdout).toContain(term)
      expect(out.stdout.replace(/\s+/g, ' ')).toContain(description)
    }
  })

  test('an unknown command is exit code 1 with a hint', async () => {
    const out = await runCsi(['nope'])
    expect(out.code).toBe(1)
    expect(out.stderr).toContain("unknown command 'nope'")
    expect(out.stderr).toContain('(run with --help for usage)')
  })
})

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
      await csi('wave', 'create', '--survey', 'customer', '--name', 'Customers')
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
    const csi = cli()
    const env = csi.env
    const wave = JSON.parse(
      (await csi('wave', 'create', '--survey', 'customer', '--name', 'R', '--open', '--json'))
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
      (await csi('report', '--wave', wave.id, '--by', 'region', '--format', 'json')).stdout,
    )
    expect(cliJson).toEqual(api)
    expect(cliJson.groups[0]).toMatchObject({ audience: 'customer', n: 7 })
    const rebuilt = (await csi('aggregates', 'rebuild', '--wave', wave.id)).stdout
    expect(rebuilt).toMatch(new RegExp(`^Rebuilt \\d+ cells from 7 responses of ${wave.id} in`))
    const afterRebuild = JSON.parse(
      (await csi('report', '--wave', wave.id, '--by', 'region', '--format', 'json')).stdout,
    )
    expect(afterRebuild).toEqual(api)
    const md = (await csi('report', '--wave', wave.id)).stdout
    expect(md).toMatch(/## Customers \(n = 7\)/)
    const bad = await cli()('report', '--wave', wave.id, '--na', '0')
    expect(bad.stderr).toContain('--na: applies to CSV files only')
  })
})
