// CSV import and export as users run them (SPEC §6, issue 18 items 3 and 5): `npx csi …` with the
// bin's own process settings (its shebang's heap cap), under `/usr/bin/time -v` for the peak
// resident memory, on files in the real format: the responses file is what `csi export` writes
// for the shipped customer survey (27 columns, quoted comments), the contacts file what a CRM
// gives. Also `csi --help` (memory, files opened) and what the import leaves in the database.
//
// Alone: BENCH_IMPORT_ROWS=200000 npx tsx test/bench/cli-files.ts
// From another bench: await cliFileBench(rows)
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { demoAnswers, demoRandom } from '../../server/cli/demo-answers'
import { toCsv } from '../../server/lib/csv'
import { flattenAnswers, responseColumns } from '../../server/responses/responses-csv'
import { shippedSurveys } from '../../server/surveys/shipped-surveys'

// BENCH_ROOT: another checkout to measure (a before/after comparison in the same run).
const root = resolve(process.env.BENCH_ROOT ?? resolve(import.meta.dirname, '../..'))
const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))
const ok = (good: boolean) => (good ? 'ok' : 'MISSED')
const hasTime = existsSync('/usr/bin/time')

type Run = { out: string; seconds: number; cpu: number; peakMb: number }

/**
 * Runs `npx csi …` (as a user types it) in `cwd` with `env`; returns its stdout (or streams it
 * to `stdout`), wall seconds and the peak RSS of the largest process (/usr/bin/time -v).
 */
async function npxCsi(env: NodeJS.ProcessEnv, args: string[], stdout?: string): Promise<Run> {
  const command = ['npx', '--no-install', 'csi', ...args]
  const t0 = performance.now()
  const child = hasTime
    ? spawn('/usr/bin/time', ['-v', ...command], { cwd: root, env })
    : spawn(command[0]!, command.slice(1), { cwd: root, env })
  let out = ''
  let err = ''
  const sink = stdout ? createWriteStream(stdout) : null
  if (sink) child.stdout.pipe(sink)
  else child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (err += d))
  const code = await new Promise<number>((ok) => child.once('close', (c) => ok(c ?? 1)))
  const seconds = (performance.now() - t0) / 1000
  if (sink) await new Promise<void>((r) => sink.end(() => r()))
  if (code !== 0) throw new Error(`npx csi ${args.join(' ')} failed (${code}): ${err}`)
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(err)
  // User + system CPU seconds: on a busy machine a steadier figure than the wall time.
  const cpu = ['User', 'System']
    .map((k) => Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(err)?.[1] ?? NaN))
    .reduce((a, b) => a + b, 0)
  return { out, seconds, cpu, peakMb: kb ? Number(kb[1]) / 1024 : NaN }
}

/** Files `csi --help` opens (strace, when present): the cost of loading before any work. */
async function filesOpened(env: NodeJS.ProcessEnv, args: string[]) {
  if (!existsSync('/usr/bin/strace')) return null
  const child = spawn('strace', ['-f', '-c', '-e', 'trace=open,openat', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  await new Promise((ok) => child.once('close', ok))
  // The summary's last line: % time, seconds, usecs/call, calls, [errors], "total".
  const total = err.trim().split('\n').pop()!.trim().split(/\s+/)
  return total.at(-1) === 'total' ? Number(total[3]) : null
}

async function writeLines(path: string, lines: Iterable<string>) {
  const out = createWriteStream(path)
  for (const line of lines) {
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()))
  }
  await new Promise<void>((r) => out.end(() => r()))
}

/**
 * What `csi export` writes for the shipped customer survey, `n` rows: demo respondents (ratings
 * around a mood, 4% of attribute cells empty, comments on 40%, a low-score reason when asked),
 * CRLF, comments quoted where they hold commas. Built from the export's own column definition.
 */
export function* customerExportLines(n: number, seed = 7) {
  const definition = shippedSurveys.find((s) => s.id === 'customer')!.definition
  const columns = responseColumns(definition)
  const rnd = demoRandom(seed)
  const profiles = [3.4, 3.9, 4.3].map((mood) => ({ mood, offsets: { price_value: -0.6 } }))
  yield toCsv([], columns.header)
  const t0 = Date.UTC(2026, 3, 1) / 1000
  const page: unknown[][] = []
  for (let i = 1; i <= n; i++) {
    const answers = demoAnswers(definition, profiles[i % 3]!, rnd)
    page.push(
      columns.row({
        respondent: `r${i}`,
        wave: 'w-2026-q2-customers',
        audience: 'customer',
        mode: i % 10 === 0 ? 'phone' : 'web',
        submitted_at: new Date((t0 + i * 7) * 1000).toISOString(),
        ...flattenAnswers(answers, definition),
      }),
    )
    if (page.length === 1000 || i === n) yield toCsv(page.splice(0))
  }
}

export function* contactLines(n: number) {
  const regions = ['north', 'south', 'east', 'west']
  yield 'email,name,audience,owner,region,channel\r\n'
  for (let i = 0; i < n; i++)
    yield `person${i}@example.com,Person ${i},customer,am${i % 50}@acme.example,${regions[i % 4]},${i % 3 ? 'online' : 'retail'}\r\n`
}

/** The database file's size and the share of it that is free pages (left by deleted rows). */
function databaseFootprint(path: string) {
  const db = new Database(path, { readonly: true })
  const pageSize = db.pragma('page_size', { simple: true }) as number
  const pages = db.pragma('page_count', { simple: true }) as number
  const free = db.pragma('freelist_count', { simple: true }) as number
  db.close()
  const wal = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0
  return { mb: (pages * pageSize) / 2 ** 20, freeShare: free / pages, walMb: wal / 2 ** 20 }
}

/** Prints the import/export figures for files of `rows` rows, each beside its target. */
export async function cliFileBench(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'csi-bench-files-'))
  // The bench may run under tsx: the measured processes must not inherit its loader.
  const { NODE_OPTIONS: _, ...base } = process.env
  const env = { ...base, DATABASE_PATH: join(dir, 'csi.db'), SMTP_URL: '' }
  try {
    console.log(
      `\nCSV files through \`npx csi\` in ${root} — ${rows.toLocaleString('en')} rows; peak = max RSS (/usr/bin/time -v)`,
    )
    print(['what', 'n', 'figure', 'target', 'notes'])
    const help = await npxCsi(env, ['--help'])
    const opened = await filesOpened(env, ['node', 'server/cli/bin.js', '--help'])
    print([
      'csi --help (npx csi)',
      '',
      `${(help.seconds * 1000).toFixed(0)} ms (CPU ${(help.cpu * 1000).toFixed(0)} ms), peak ${help.peakMb.toFixed(0)} MB`,
      '',
      `bin.js --help alone opens ${opened ?? '?'} files; npx's npm process is in every figure below (start) and peak`,
    ])

    const contactsCsv = join(dir, 'contacts.csv')
    const responsesCsv = join(dir, 'responses.csv')
    const tGen = performance.now()
    await writeLines(contactsCsv, contactLines(rows))
    await writeLines(responsesCsv, customerExportLines(rows))
    const genS = (performance.now() - tGen) / 1000
    const wave = (name: string) =>
      npxCsi(env, ['wave', 'create', '--survey', 'customer', '--name', name, '--json']).then(
        (r) => JSON.parse(r.out).id as string,
      )

    const contactsWave = await wave('Bench contacts')
    const c = await npxCsi(env, ['contacts', 'import', contactsCsv, '--wave', contactsWave])
    const cRate = rows / c.seconds
    print([
      'contact import (npx csi contacts import)',
      rows,
      `${Math.round(cRate).toLocaleString('en')} rows/s (${c.seconds.toFixed(1)} s, CPU ${c.cpu.toFixed(1)} s), peak ${c.peakMb.toFixed(0)} MB`,
      `≥ 50,000 rows/s (${ok(cRate >= 50_000)}), ≤ 200 MB (${ok(c.peakMb <= 200)})`,
      `6 columns, ${(statSync(contactsCsv).size / 2 ** 20).toFixed(0)} MB file`,
    ])

    const responsesWave = await wave('Bench responses')
    const r = await npxCsi(env, ['responses', 'import', responsesCsv, '--wave', responsesWave])
    const rRate = rows / r.seconds
    const alerts = /(\d+) low-score responses/.exec(r.out)?.[1] ?? '0'
    print([
      'response import (npx csi responses import, alert check included)',
      rows,
      `${Math.round(rRate).toLocaleString('en')} rows/s (${r.seconds.toFixed(1)} s, CPU ${r.cpu.toFixed(1)} s = ${Math.round(rows / r.cpu).toLocaleString('en')} rows per CPU second), peak ${r.peakMb.toFixed(0)} MB`,
      `≥ 50,000 rows/s (${ok(rRate >= 50_000)}), ≤ 200 MB (${ok(r.peakMb <= 200)})`,
      `27 columns (csi export's format), ${(statSync(responsesCsv).size / 2 ** 20).toFixed(0)} MB file, ${alerts} alerts opened; files written in ${genS.toFixed(1)} s`,
    ])

    const e = await npxCsi(env, ['export', '--wave', responsesWave], join(dir, 'export.csv'))
    const eRate = rows / e.seconds
    print([
      'CSV export (npx csi export > file, streamed)',
      rows,
      `${Math.round(eRate).toLocaleString('en')} rows/s (${e.seconds.toFixed(1)} s, CPU ${e.cpu.toFixed(1)} s), peak ${e.peakMb.toFixed(0)} MB`,
      `≥ 100,000 rows/s (${ok(eRate >= 100_000)})`,
      `${(statSync(join(dir, 'export.csv')).size / 2 ** 20).toFixed(0)} MB written`,
    ])

    const db = databaseFootprint(env.DATABASE_PATH)
    print([
      'database after both imports',
      rows,
      `${db.mb.toFixed(0)} MB, ${(db.freeShare * 100).toFixed(1)}% free pages`,
      'no staging left behind (0% free)',
      `WAL ${db.walMb.toFixed(0)} MB`,
    ])
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await cliFileBench(Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000))
}
