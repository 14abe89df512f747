// Rows written (SPEC §6, issue 18): D1 bills every row written, index entries included. SQLite's
// total_changes() counts the table rows a statement changes; D1's `rows_written` also counts each
// index entry a new row adds (an update that leaves indexed columns alone adds none). So:
// D1 rows = SQLite rows + the index entries the rows inserted add (a partial index's only for the
// rows it admits), counted here index by index.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { enqueueInvitations } from '../../server/db/outbox'
import { createWave } from '../../server/db/waves'
import { importContactText } from '../../server/distribution/wave-sending'
import { sendOutbox } from '../../server/distribution/send-outbox'
import { emlMailer } from '../../server/node/mailers'
import { json } from '../api/target'
import { makeCustomerAnswers, submission } from '../helpers/answers'
import { makeTestApp } from '../helpers/app'

const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))
const RESPONSES = 200
const INVITATIONS = 1000

const { app, store, db } = await makeTestApp()
const sqlite = store.sqlite
const changes = () => (sqlite.prepare('select total_changes() as n').get() as { n: number }).n
const count = (table: string, where = '1') =>
  (sqlite.prepare(`select count(*) as n from ${table} where ${where}`).get() as { n: number }).n
/**
 * The entries all indexes of `table` hold now (the primary key's included): a full index one
 * per row, a partial one per row its WHERE admits. The entries a step adds are what D1 bills
 * beyond the rows themselves.
 */
const indexEntries = (table: string) =>
  (
    sqlite.prepare(`select name, partial from pragma_index_list(?)`).all(table) as {
      name: string
      partial: number
    }[]
  ).reduce((sum, index) => {
    if (!index.partial) return sum + count(table)
    const { sql } = sqlite
      .prepare(`select sql from sqlite_master where type = 'index' and name = ?`)
      .get(index.name) as { sql: string }
    return sum + count(table, sql.slice(sql.search(/ where /i) + 7))
  }, 0)

// Responses through the real route (validation, group commit, aggregates, alerts).
const { wave, openLinkToken } = await createWave(db, {
  surveyId: 'customer',
  name: 'Rows written',
  openLink: true,
})
const tables = ['responses', 'aggregate_blocks', 'alerts', 'outbox'] as const
const before = Object.fromEntries(tables.map((t) => [t, indexEntries(t)]))
const start = changes()
for (let i = 0; i < RESPONSES; i++) {
  // One in ten is a low score that opens a follow-up alert (and its email), as in the field.
  const low = i % 10 === 0
  const answers = makeCustomerAnswers({
    overall: low ? 1 : 4,
    region: ['north', 'south', 'east'][i % 3],
    customer_size: i % 2 ? 'small' : 'large',
  })
  const res = await app.request(`/api/links/${openLinkToken}/responses`, json(submission(answers)))
  if (res.status !== 201) throw new Error(`submission ${i}: ${res.status} ${await res.text()}`)
}
const sqliteRows = (changes() - start) / RESPONSES
const entriesAdded = tables.reduce((sum, t) => sum + indexEntries(t) - before[t]!, 0) / RESPONSES
const perResponse = sqliteRows + entriesAdded

// Invitations: a 1,000-row contact import, the queued invitations, and sending them.
const outboxDir = mkdtempSync(join(tmpdir(), 'csi-rows-outbox-'))
const { wave: invited } = await createWave(db, { surveyId: 'customer', name: 'Invited' })
const csv = [
  'email,name,region',
  ...Array.from({ length: INVITATIONS }, (_, i) => `p${i}@example.com,P ${i},north`),
].join('\n')
const stepRows: [string, number, number][] = []
for (const [label, run] of [
  ['contact import', () => importContactText(store, invited, csv)],
  [
    'queue the invitations',
    () => enqueueInvitations(store, invited.id, 'bench.example', new Date()),
  ],
  [
    'send them (mail accepted)',
    () =>
      sendOutbox(store, {
        mailer: emlMailer(outboxDir),
        publicUrl: 'http://localhost:8787',
        from: 'surveys@bench.example',
        organisation: 'Bench',
        secret: 'bench-secret-bench-secret-bench-secret',
        waveId: invited.id,
      }),
  ],
] as const) {
  const t = ['invitations', 'outbox', 'staging_rows', 'import_rows'].filter((name) =>
    sqlite.prepare(`select 1 from sqlite_master where name = ?`).get(name),
  )
  const entriesBefore = Object.fromEntries(t.map((name) => [name, indexEntries(name)]))
  const c0 = changes()
  await run()
  const sqliteStep = changes() - c0
  // Entries removed (staged rows emptied) are not billed as writes of new entries.
  const index = t.reduce(
    (sum, name) => sum + Math.max(0, indexEntries(name) - entriesBefore[name]!),
    0,
  )
  stepRows.push([label, sqliteStep, sqliteStep + index])
}
rmSync(outboxDir, { recursive: true, force: true })

print([
  'rows written (D1 bills rows written)',
  'SQLite rows',
  'D1 rows (with index entries)',
  'target',
])
print([
  `per response, shipped customer survey (${RESPONSES} submissions, 10% low scores with an alert)`,
  sqliteRows.toFixed(2),
  perResponse.toFixed(2),
  `≤ 50 ${perResponse <= 50 ? '✓' : '✗'}`,
])
for (const [label, sqliteStep, d1] of stepRows)
  print([
    `per ${INVITATIONS.toLocaleString('en')} invitations: ${label}`,
    sqliteStep,
    d1,
    '(no target)',
  ])
const invitationD1 = stepRows.reduce((s, r) => s + r[2], 0)
print([
  'a 1M-response programme (1M invitations, 1M responses)',
  '',
  `${((perResponse * 1e6 + invitationD1 * 1000) / 1e6).toFixed(1)} M rows`,
  `responses ${perResponse.toFixed(1)} × 1M + invitations ${invitationD1} × 1,000`,
])
store.close()
