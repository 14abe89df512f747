import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify, stripVTControlCharacters } from 'node:util'
import Database from 'better-sqlite3'
import { simpleParser } from 'mailparser'

const repoRoot = resolve(import.meta.dirname, '../..')
// The bin `npx wrangler` runs, without npx: a second faster, and no npm warnings in the logs.
const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js')
const run = promisify(execFile)

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
 * wrangler dev rebuilds and reloads the Worker when a source file changes, in tests too.
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

  try {
    await run(
      process.execPath,
      [wranglerBin, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir],
      { cwd: repoRoot, env, timeout: 60_000 },
    )
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string }
    throw new Error(`wrangler d1 migrations apply failed:\n${stdout}${stderr}`, { cause: err })
  }

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
    cwd: repoRoot,
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

  /** The first log line matching `pattern`, already printed or still to come. */
  function waitForLog(pattern: RegExp, timeoutMs = 15_000): Promise<string> {
    const matches = (line: string) => {
      pattern.lastIndex = 0 // a /g or /y pattern keeps state between test() calls
      return pattern.test(line)
    }
    const seen = logs.find(matches)
    if (seen !== undefined) return Promise.resolve(seen)
    return new Promise((ok, fail) => {
      const done = (line: string | null) => {
        if (line !== null && !matches(line)) return
        clearTimeout(timer)
        waiters.delete(done)
        if (line !== null) ok(line)
        else fail(new Error(`wrangler dev exited before a line matched ${pattern}:\n${tail()}`))
      }
      const timer = setTimeout(() => {
        waiters.delete(done)
        fail(new Error(`No wrangler dev line matched ${pattern} in ${timeoutMs} ms:\n${tail()}`))
      }, timeoutMs)
      waiters.add(done)
      if (child.exitCode !== null || child.signalCode !== null) done(null)
    })
  }

  async function stop() {
    process.removeListener('exit', killOnExit)
    killGroup(pgid, 'SIGTERM')
    const gone = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)])
    if (!gone) killGroup(pgid, 'SIGKILL')
    // wrangler itself exiting is not enough: workerd is its grandchild.
    for (let i = 0; groupAlive(pgid); i++) {
      if (i === 50) killGroup(pgid, 'SIGKILL')
      if (i > 100) throw new Error(`wrangler dev's process group ${pgid} survived SIGKILL`)
      await sleep(100)
    }
    if (ownDir) rmSync(persistDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop()
      throw new Error(`wrangler dev exited before it was ready:\n${tail()}`)
    }
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`wrangler dev did not answer GET /api/health with 200 in 90 s:\n${tail()}`)
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
      db.pragma('busy_timeout = 5000')
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
