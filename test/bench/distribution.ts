// Distribution figures of SPEC §6: invitations through SMTP, CSV import (contacts, responses) and
// export, each next to its target. The imports and the export run as the real `csi` command in a
// child process, whose peak resident memory (VmHWM) is read from /proc while it runs.
import { spawn } from 'node:child_process'
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { SMTPServer } from 'smtp-server'
import { enqueueInvitations } from '../../server/db/outbox'
import { createWave } from '../../server/db/waves'
import { importContacts } from '../../server/distribution/contacts-import'
import { sendOutbox } from '../../server/distribution/send-outbox'
import { smtpMailer } from '../../server/node/mailers'
import { openDatabase } from '../../server/node/open-database'
import { seedDatabase } from '../../server/db/seed'
import { shippedSurveys } from '../../server/surveys'

const root = resolve(import.meta.dirname, '../..')
const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000)
const invitations = Number(process.env.BENCH_INVITATIONS ?? 10_000)
const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))
const dir = mkdtempSync(join(tmpdir(), 'csi-bench-dist-'))
const env = {
  ...process.env,
  DATABASE_PATH: join(dir, 'csi.db'),
  PUBLIC_URL: 'https://survey.example.com',
  SMTP_URL: '',
}

/** Runs `csi …` and samples the child's peak RSS; returns its stdout, seconds and peak MB. */
async function csi(args: string[], stdout?: string) {
  const t0 = performance.now()
  const child = spawn(process.execPath, ['server/cli/bin.js', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const sink = stdout ? createWriteStream(stdout) : null
  child.stdout.on('data', (d) => (sink ? sink.write(d) : (out += d)))
  child.stderr.on('data', (d) => (err += d))
  let peakKb = 0
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (m) peakKb = Math.max(peakKb, Number(m[1]))
    } catch {
      // exited between samples
    }
  }, 50)
  const code = await new Promise<number>((ok) => child.once('exit', (c) => ok(c ?? 1)))
  clearInterval(sample)
  sink?.end()
  if (code !== 0) throw new Error(`csi ${args.join(' ')} failed: ${err}`)
  return { out, seconds: (performance.now() - t0) / 1000, peakMb: peakKb / 1024 }
}

async function writeLines(path: string, header: string, n: number, line: (i: number) => string) {
  const out = createWriteStream(path)
  out.write(`${header}\n`)
  for (let i = 0; i < n; i++) {
    if (!out.write(`${line(i)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  await new Promise<void>((r) => out.end(() => r()))
}

const regions = ['north', 'south', 'east', 'west']
const ok = (good: boolean) => (good ? 'ok' : 'MISSED')

console.log(
  `\nDistribution — ${importRows.toLocaleString('en')} import rows, ${invitations.toLocaleString('en')} invitations`,
)
print(['what', 'n', 'figure', 'target', 'notes'])

// 1. Invitations through a local SMTP server (smtp-server in this process, same machine).
{
  let received = 0
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _s, cb) {
      stream.on('data', () => {})
      stream.on('end', () => {
        received++
        cb()
      })
    },
  })
  server.on('error', () => {}) // a reset connection must not end the benchmark
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.server.address() as { port: number }).port
  const store = openDatabase(join(dir, 'mail.db'))
  await seedDatabase(store, { surveys: shippedSurveys })
  const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Bench invitations' })
  async function* contacts() {
    yield [
      ['email', 'name', 'region'],
      ...Array.from({ length: invitations }, (_, i) => [
        `person${i}@example.com`,
        `Person ${i}`,
        regions[i % 4]!,
      ]),
    ]
  }
  await importContacts(store, wave, contacts())
  const t0 = performance.now()
  await enqueueInvitations(store, wave.id, 'survey.example.com', new Date())
  const queuedS = (performance.now() - t0) / 1000
  const mailer = smtpMailer(`smtp://127.0.0.1:${port}`, 8)
  const totals = await sendOutbox(store, {
    mailer,
    publicUrl: 'https://survey.example.com',
    from: 'surveys@example.com',
    organisation: 'Acme',
    secret: 'x'.repeat(32),
    concurrency: 8,
  })
  const seconds = (performance.now() - t0) / 1000
  await mailer.close()
  await new Promise<void>((r) => server.close(() => r()))
  store.close()
  print([
    'invitations through SMTP (queue + send, 8 connections)',
    invitations,
    `${seconds.toFixed(1)} s (${Math.round(invitations / seconds)}/s; queueing ${queuedS.toFixed(1)} s)`,
    `≤ 60 s for 10,000 (${ok(seconds <= 60 * (invitations / 10_000))})`,
    `${totals.sent} sent, ${received} received`,
  ])
}

// 2. Contact import, 3. response import, 4. export — the real CLI on files of `importRows` rows.
{
  const wave = JSON.parse(
    (await csi(['wave', 'create', '--survey', 'customer', '--name', 'Bench import', '--json'])).out,
  ).id
  const contactsCsv = join(dir, 'contacts.csv')
  await writeLines(
    contactsCsv,
    'email,name,audience,owner,region,channel',
    importRows,
    (i) =>
      `person${i}@example.com,Person ${i},customer,am${i % 50}@acme.example,${regions[i % 4]},${i % 3 ? 'online' : 'retail'}`,
  )
  const c = await csi(['contacts', 'import', contactsCsv, '--wave', wave, '--json'])
  const cRate = importRows / c.seconds
  print([
    'contact import (csi contacts import, all or nothing)',
    importRows,
    `${Math.round(cRate).toLocaleString('en')} rows/s (${c.seconds.toFixed(1)} s), peak ${c.peakMb.toFixed(0)} MB`,
    `≥ 50,000 rows/s (${ok(cRate >= 50_000)}), ≤ 200 MB (${ok(c.peakMb <= 200)})`,
    'whole process incl. tsx start-up',
  ])

  const postal = JSON.parse(
    (await csi(['wave', 'create', '--survey', 'customer', '--name', 'Bench postal', '--json'])).out,
  ).id
  const responsesCsv = join(dir, 'responses.csv')
  const attrs = [
    'product_quality',
    'delivery_reliability',
    'order_accuracy',
    'technical_support',
    'price_value',
    'ease_of_ordering',
    'complaint_handling',
    'sales_support',
  ]
  let seed = 7
  const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), 1 + (seed % 5))
  await writeLines(
    responsesCsv,
    ['overall', 'rebuy', ...attrs, 'region'].join(','),
    importRows,
    () => [r(), r(), ...attrs.map(() => r()), regions[seed % 4]].join(','),
  )
  const p = await csi([
    'responses',
    'import',
    responsesCsv,
    '--wave',
    postal,
    '--mode',
    'postal',
    '--json',
  ])
  const pRate = importRows / p.seconds
  print([
    'response import (csi responses import --mode postal)',
    importRows,
    `${Math.round(pRate).toLocaleString('en')} rows/s (${p.seconds.toFixed(1)} s), peak ${p.peakMb.toFixed(0)} MB`,
    `≥ 50,000 rows/s (${ok(pRate >= 50_000)}), ≤ 200 MB (${ok(p.peakMb <= 200)})`,
    'rows checked against the survey, aggregates folded in the same write',
  ])

  const e = await csi(['export', '--wave', postal], join(dir, 'export.csv'))
  const eRate = importRows / e.seconds
  print([
    'CSV export (csi export, streamed)',
    importRows,
    `${Math.round(eRate).toLocaleString('en')} rows/s (${e.seconds.toFixed(1)} s), peak ${e.peakMb.toFixed(0)} MB`,
    `≥ 100,000 rows/s (${ok(eRate >= 100_000)})`,
    '',
  ])
}

rmSync(dir, { recursive: true, force: true })
