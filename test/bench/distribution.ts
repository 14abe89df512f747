// Distribution figures of SPEC §6: invitations through SMTP, CSV import (contacts, responses) and
// export, each next to its target. The imports and the export run as users run them, `npx csi`,
// in test/bench/cli-files.ts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
import { cliFileBench } from './cli-files'

const importRows = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000)
const invitations = Number(process.env.BENCH_INVITATIONS ?? 10_000)
const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))
const dir = mkdtempSync(join(tmpdir(), 'csi-bench-dist-'))

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

// 2. Contact import, 3. response import, 4. export: `npx csi` as users run it, on files in the
// real column format (test/bench/cli-files.ts, which also runs alone).
await cliFileBench(importRows)

rmSync(dir, { recursive: true, force: true })
