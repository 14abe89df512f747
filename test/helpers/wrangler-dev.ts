import { type ChildProcess, spawn } from 'node:child_process'
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import Database from 'better-sqlite3'
import { simpleParser } from 'mailparser'
import { STALL_MS, stallClock, waitForCondition } from './wait-for'

const repoRoot = resolve(import.meta.dirname, '../..')
// The bin `npx wrangler` runs, without npx: a second faster, and no npm warnings in the logs.
const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js')

/** One `env.EMAIL.send(...)` call as wrangler dev's send_email emulation logged it. */
export type DevEmail = {
  /** `builder`: `send({ from, to, subject, text, html })`; `raw`: `send(new EmailMessage(...))`. */
  form: 'builder' | 'raw'
  from: string
  to: string
  subject: string
  text: string | null
  html: string | null
  /** The raw form's whole message. The builder form has none: wrangler drops its `headers`. */
  eml: string | null
}

export type WranglerDev = Awaited<ReturnType<typeof startWranglerDev>>

/**
 * The real `wrangler dev` (local mode: workerd, local D1, local queues, send_email emulation)
 * on the repo's wrangler.toml, on a free port of 127.0.0.1, with its state in `persistDir`.
 * The committed migrations are applied first (`wrangler d1 migrations apply DB --local`);
 * resolves once GET /api/health answers 200, which also seeds the shipped surveys.
 *
 * Lines worth waiting for (ANSI stripped; stdout and stderr are separate pipes, so their
 * relative order is not guaranteed):
 * - every request: `[wrangler:info] GET /api/health 200 OK (12ms)`
 * - every queue batch: `[wrangler:info] QUEUE csi-outbox 3/4 (5ms)` (acked/delivered); a message
 *   out of retries: `[wrangler:warn] Dropped message "<id>" on queue "csi-outbox" after 11 failed attempts!`
 * - `console.log` from fetch, queue() and scheduled(): the text as is (stdout);
 *   `console.error` / `console.warn`: `✘ [ERROR] text` / `▲ [WARNING] text` (stderr)
 * - each `env.EMAIL.send()`: see {@link DevEmail} and `emails()`.
 *
 * Vars come from wrangler.toml plus `vars`; a developer's .dev.vars / .env are ignored.
 * It runs on a copy of the sources taken at start (see snapshotSources): edits made to the
 * working tree meanwhile do not reach it.
 *
 * Nothing here waits for a fixed time: start-up, migrations and waitForLog go on for as long
 * as wrangler shows it is at work (a new output line, a longer debug log) and fail only when
 * it showed nothing for STALL_MS. Its CPU time is no such sign: wrangler ticks when idle.
 */
export async function startWranglerDev(
  options: {
    /**
     * Extra Worker vars, passed as `--var NAME:VALUE` (values may contain colons); a function
     * gets the server's own URL first (for PUBLIC_URL).
     */
    vars?: Record<string, string> | ((url: string) => Record<string, string>)
    /**
     * Where D1, queues and caches persist (`--persist-to`): pass one to restart on the same
     * state. Default: a fresh temp folder, deleted by stop().
     */
    persistDir?: string
  } = {},
) {
  const ownDir = !options.persistDir
  const persistDir = options.persistDir ?? mkdtempSync(join(tmpdir(), 'csi-wrangler-'))
  const appDir = snapshotSources()
  // Wrangler's full debug log (it always writes one) goes here rather than to the user's
  // ~/.config/.wrangler/logs.
  const debugLog = join(persistDir, 'wrangler-debug.log')
  // An empty --env-file stops wrangler reading the repo's .dev.vars / .env (a developer's real
  // API keys must not reach a test), so the Worker sees wrangler.toml's vars and `vars` only.
  const emptyEnvFile = join(persistDir, 'empty.env')
  writeFileSync(emptyEnvFile, '')
  const { NODE_ENV: _nodeEnv, ...parentEnv } = process.env
  const env = {
    // Without NODE_ENV=test from vitest: wrangler bakes NODE_ENV into the bundle.
    ...parentEnv,
    CI: '1', // no prompts, no interactive session
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    WRANGLER_HIDE_BANNER: 'true', // the banner's update check asks the npm registry
    CLOUDFLARE_CF_FETCH_ENABLED: 'false', // else a 3 s timeout and a stack trace offline
    WRANGLER_LOG_PATH: debugLog,
    // Every dev session registers its Worker by name in a shared registry; parallel test
    // servers of "csi-toolkit" (or a developer's own) must not find each other there.
    WRANGLER_REGISTRY_PATH: join(persistDir, 'registry'),
    // A wrangler.toml edited during a test run must not reload the server under the test.
    WRANGLER_CI_DISABLE_CONFIG_WATCHING: 'true',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
  }

  await runWhileActive(
    'wrangler d1 migrations apply',
    [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir],
    { cwd: appDir, env, debugLog },
  ).catch((err) => {
    rmSync(appDir, { recursive: true, force: true })
    throw err
  })

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const args = [
    wranglerBin,
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    // The default 9229 would clash between parallel servers.
    '--inspector-port',
    String(await freePort()),
    '--persist-to',
    persistDir,
    '--env-file',
    emptyEnvFile,
    '--test-scheduled',
    '--show-interactive-dev-session=false',
    ...Object.entries(
      typeof options.vars === 'function' ? options.vars(url) : (options.vars ?? {}),
    ).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ]
  // Its own process group (detached), so stop() reaches workerd and esbuild too.
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: appDir,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const pgid = child.pid!
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()))
  // A test run that ends without stop() must not leave workerd behind.
  const killOnExit = () => killGroup(pgid, 'SIGKILL')
  process.once('exit', killOnExit)

  const logs: string[] = []
  const waiters = new Set<(line: string | null) => void>()
  const addLine = (raw: string) => {
    const line = stripVTControlCharacters(raw).trimEnd()
    if (!line) return
    logs.push(line)
    for (const w of waiters) w(line)
  }
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const lines = (partial + chunk).split(/\r?\n/)
      partial = lines.pop()!
      lines.forEach(addLine)
    })
    stream.on('end', () => addLine(partial))
  }
  child.once('exit', () => {
    for (const w of waiters) w(null)
  })

  const tail = () => logs.slice(-40).join('\n')
  const running = () => child.exitCode === null && child.signalCode === null
  /**
   * What changes while wrangler works: its output, and its debug log (every request, queue
   * batch and D1 call adds to it; idle, it stays put).
   */
  const activity = () => `${logs.length} lines, debug log ${sizeOf(debugLog)} bytes`

  /**
   * The first log line matching `pattern`, already printed or still to come. Fails when
   * wrangler exits first, or shows no activity for `stallMs` (see activity()).
   */
  function waitForLog(pattern: RegExp, o: { stallMs?: number } = {}): Promise<string> {
    const matches = (line: string) => {
      pattern.lastIndex = 0 // a /g or /y pattern keeps state between test() calls
      return pattern.test(line)
    }
    const seen = logs.find(matches)
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise((ok, fail) => {
      const clock = stallClock(activity)
      const done = (line: string | null) => {
        if (line !== null && !matches(line)) return
        clearInterval(timer)
        waiters.delete(done)
        if (line !== null) ok(line)
        else fail(new Error(`wrangler dev exited before a line matched ${pattern}:\n${tail()}`))
      }
      const stallMs = o.stallMs ?? STALL_MS
      const timer = setInterval(() => {
        const idle = clock.stalledFor()
        if (idle <= stallMs) return
        waiters.delete(done)
        clearInterval(timer)
        fail(
          new Error(
            `No wrangler dev line matched ${pattern}, and wrangler showed no activity for ${Math.round(idle / 1000)} s:\n${tail()}`,
          ),
        )
      }, 1000)
      waiters.add(done)
      if (!running()) done(null)
    })
  }

  async function stop() {
    process.removeListener('exit', killOnExit)
    await stopGroup(pgid, exited)
    rmSync(appDir, { recursive: true, force: true })
    if (ownDir) rmSync(persistDir, { recursive: true, force: true })
  }

  // Ready when GET /api/health answers 200. Until the Worker is up, wrangler's proxy may hold
  // a request for as long as start-up takes, so a request is abandoned only on a stall.
  const starting = stallClock(activity)
  // Another answer means the Worker is up but unwell. Each answer (and what the Worker logs
  // for it) would count as activity, so that case gets STALL_MS from the first such answer.
  let unwellSince: number | null = null
  for (;;) {
    if (!running()) {
      await stop()
      throw new Error(`wrangler dev exited before it was ready:\n${tail()}`)
    }
    const abort = new AbortController()
    const watch = setInterval(() => starting.stalledFor() > STALL_MS && abort.abort(), 1000)
    try {
      const res = await fetch(`${url}/api/health`, { signal: abort.signal })
      await res.body?.cancel()
      if (res.status === 200) break
      unwellSince ??= Date.now()
    } catch {
      // not listening yet
    } finally {
      clearInterval(watch)
    }
    const idle = starting.stalledFor()
    if (idle > STALL_MS || (unwellSince !== null && Date.now() - unwellSince > STALL_MS)) {
      await stop()
      throw new Error(
        idle > STALL_MS
          ? `wrangler dev did not answer GET /api/health with 200 and showed no activity for ${Math.round(idle / 1000)} s:\n${tail()}`
          : `wrangler dev answered GET /api/health with other than 200 for ${STALL_MS / 1000} s:\n${tail()}`,
      )
    }
    await sleep(250)
  }

  /**
   * Runs SQL on the dev server's D1 and returns the rows (none for a write); `?` placeholders
   * take `params`. It opens the SQLite file under persistDir with better-sqlite3: workerd keeps
   * D1 there in WAL mode with ordinary POSIX locks, so a committed write of the Worker is
   * visible at once and a write here is seen by the Worker's next query (checked: 200 of 200
   * in both directions), in about 1 ms. `wrangler d1 execute --local --json` reads the same
   * file through a second workerd but takes 2.5 s a call.
   */
  async function d1(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const db = new Database(d1File(persistDir), { fileMustExist: true })
    try {
      // A lock is waited for, not raced: workerd's writes are short, only slower under load.
      db.pragma(`busy_timeout = ${STALL_MS}`)
      const stmt = db.prepare(sql)
      if (!stmt.reader) {
        stmt.run(...params)
        return []
      }
      return stmt.all(...params) as Record<string, unknown>[]
    } finally {
      db.close()
    }
  }

  /**
   * Runs the Worker's scheduled() handler for `cron` through wrangler's --test-scheduled route
   * (listed in wrangler.toml's run_worker_first, else the SPA fallback would answer it) and
   * answers once the handler's promise settles: 200 "Ran scheduled event", or 500 with the
   * stack. Its log lines may follow a moment later: wait for them with waitForLog.
   */
  async function scheduled(cron?: string): Promise<Response> {
    const query = new URLSearchParams(cron === undefined ? {} : { cron })
    return fetch(`${url}/__scheduled?${query}`)
  }

  /**
   * Every `env.EMAIL.send()` so far, in order, with text and HTML read from the files wrangler
   * wrote under /tmp/miniflare-*; call it before stop(), which deletes them.
   */
  async function emails(): Promise<DevEmail[]> {
    const found: DevEmail[] = []
    for (let i = 0; i < logs.length; i++) {
      if (logs[i].endsWith('send_email binding called with the following message:')) {
        // `  /tmp/miniflare-<hash>/files/email/<uuid>.eml` on the next line
        const eml = await readFile(logs[i + 1].trim(), 'utf8')
        const mail = await simpleParser(eml)
        found.push({
          form: 'raw',
          from: mail.from?.text ?? '',
          to: [mail.to ?? []]
            .flat()
            .map((a) => a.text)
            .join(', '),
          subject: mail.subject ?? '',
          text: mail.text ?? null,
          html: typeof mail.html === 'string' ? mail.html : null,
          eml,
        })
      } else if (logs[i].endsWith('send_email binding called with MessageBuilder:')) {
        // From: / To: / [Cc: / Bcc:] / Subject: lines, then `Text: <path>` / `HTML: <path>`.
        const fields = new Map<string, string>()
        for (let j = i + 1; j < logs.length; j++) {
          const m = /^(From|To|Cc|Bcc|Subject|Text|HTML): (.*)$/.exec(logs[j])
          if (!m) break
          fields.set(m[1], m[2])
        }
        const file = (key: string) => {
          const path = fields.get(key)
          return path ? readFile(path, 'utf8') : null
        }
        found.push({
          form: 'builder',
          from: fields.get('From') ?? '',
          to: fields.get('To') ?? '',
          subject: fields.get('Subject') ?? '',
          text: await file('Text'),
          html: await file('HTML'),
          eml: null,
        })
      }
    }
    return found
  }

  return { url, persistDir, logs, pid: pgid, waitForLog, scheduled, d1, emails, stop }
}

/**
 * A copy of what the Worker is built from (server, reports, surveys, the built client and the
 * configs) in a temp folder, with the repo's node_modules linked in. wrangler dev watches its
 * sources and reloads the Worker when one changes, and a reload drops the local queue's
 * pending messages: an edit saved in the working tree mid-drain once left 4,240 of 10,000
 * invitations queued with nothing left to send them (the cron that would is not run here).
 * On a copy, a test sees the code as it was when it started, whoever edits the tree meanwhile.
 */
function snapshotSources() {
  const dir = mkdtempSync(join(tmpdir(), 'csi-wrangler-src-'))
  const skip = /[/\\](node_modules|\.wrangler|server[/\\]dist)$/
  const entries = ['server', 'reports', 'surveys', 'client', 'wrangler.toml', 'package.json']
  for (const entry of [...entries, 'tsconfig.json']) {
    cpSync(join(repoRoot, entry), join(dir, entry), {
      recursive: true,
      filter: (src) => !skip.test(src),
    })
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return dir
}

/** The D1 database's SQLite file: the only one beside Miniflare's metadata.sqlite. */
function d1File(persistDir: string) {
  const dir = join(persistDir, 'v3/d1/miniflare-D1DatabaseObject')
  const files = readdirSync(dir).filter((f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite')
  if (files.length !== 1) throw new Error(`Expected one D1 database in ${dir}, found ${files}`)
  return join(dir, files[0])
}

function killGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal)
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number) {
  try {
    process.kill(-pgid, 0)
    return true
  } catch {
    return false
  }
}

/** The ids of the group's processes (zombies included, as kill(-pgid, 0) counts them). */
function groupPids(pgid: number) {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    // `pid (comm) state ppid pgrp …`; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    if (Number(fields[2]) === pgid) pids.push(Number(entry))
  }
  return pids
}

/**
 * SIGTERM to the whole group (wrangler, workerd, esbuild), SIGKILL to what is left after a
 * grace period, then waits until no process of the group remains: wrangler exiting is not
 * enough, workerd is its grandchild. Fails only if the group stops shrinking for STALL_MS.
 */
async function stopGroup(pgid: number, exited: Promise<void>) {
  killGroup(pgid, 'SIGTERM')
  // The grace period decides only how politely the group ends, not whether a test passes.
  const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])
  if (!gone || groupAlive(pgid)) killGroup(pgid, 'SIGKILL')
  await waitForCondition(
    `wrangler dev's process group ${pgid} gone after SIGKILL`,
    () => groupPids(pgid),
    {
      done: () => !groupAlive(pgid),
      describe: (pids) => `processes ${pids.join(', ')}`,
    },
  )
}

const sizeOf = (file: string) => {
  try {
    return statSync(file).size
  } catch {
    return 0
  }
}

/**
 * Runs a wrangler command to the end in its own process group, for as long as it shows
 * activity (output, its debug log); one that shows none for STALL_MS is killed and fails.
 */
async function runWhileActive(
  what: string,
  args: string[],
  { cwd, env, debugLog }: { cwd: string; env: NodeJS.ProcessEnv; debugLog: string },
) {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
  const closed = new Promise<number | null>((ok, fail) => {
    child.once('error', fail)
    child.once('close', (code) => ok(code))
  })
  let code: number | null | undefined
  void closed.then((c) => (code = c)).catch(() => (code = null))
  const killOnExit = () => killGroup(child.pid!, 'SIGKILL')
  process.once('exit', killOnExit)
  try {
    await waitForCondition(
      what,
      () => ({ finished: code !== undefined, output: output.length, log: sizeOf(debugLog) }),
      {
        done: (v) => v.finished,
        progress: (v) => [v.output, v.log],
        describe: () => `it wrote:\n${output}`,
      },
    ).catch(async (err) => {
      killGroup(child.pid!, 'SIGKILL')
      await closed.catch(() => {})
      throw err
    })
  } finally {
    process.removeListener('exit', killOnExit)
  }
  if ((await closed) !== 0) throw new Error(`${what} failed:\n${output}`)
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * Signs in through the Worker's real auth route and returns a JSON client carrying the
 * session cookie (and the Origin the CSRF check wants).
 */
export async function devSession(dev: WranglerDev, user: { email: string; password: string }) {
  const res = await fetch(`${dev.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: dev.url },
    body: JSON.stringify(user),
  })
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${dev.url}${path}`, {
      method,
      headers: { cookie, Origin: dev.url, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: r.status, body: (await r.json()) as Record<string, any> }
  }
}
