// Durable submissions over HTTP (SPEC §6): the real server (`node server/dist/entry-node.js`,
// TOKEN_RATE_LIMIT=0, a fresh database file) against a bare Hono + better-sqlite3 handler that
// stores the same body as one row in one synchronous=FULL transaction per request, both under
// 50 keep-alive clients posting validated 20-answer customer responses. At the end each server
// is killed with SIGKILL while requests are still in flight, and every acknowledged submission
// key is looked up in the database file: an acknowledged response that is not there is lost.
import Database from 'better-sqlite3'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createWave } from '../../server/db/waves'
import { openDatabase } from '../../server/node/open-database'

const root = resolve(import.meta.dirname, '../..')
const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10)
const clients = Number(process.env.BENCH_HTTP_CLIENTS ?? 50)
const warmup = Number(process.env.BENCH_HTTP_WARMUP ?? 2)
const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

async function startServer(script: string, env: Record<string, string>) {
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let err = ''
  child.stderr!.on('data', (d) => (err += d))
  const url = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${err}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const killed = new Promise((r) => child.once('exit', r))
  return { port, kill: () => (child.kill('SIGKILL'), killed) }
}

const pick = (n: number) => 1 + Math.floor(Math.random() * n)
const attributes = [
  'product_quality',
  'delivery_reliability',
  'order_accuracy',
  'technical_support',
  'price_value',
  'ease_of_ordering',
  'complaint_handling',
  'sales_support',
]
const regions = ['north', 'south', 'east', 'west', 'central']
const sizes = ['consumer', 'small', 'medium', 'large']

/**
 * 20 answers: overall, rebuy, 8 attribute ratings, 8 importances, region, size. One response in
 * 20 scores low, which opens an alert (the default rules) in the same write, as in the field.
 */
function answers() {
  const low = Math.random() < 0.05
  const rating = () => (low ? pick(2) : 2 + pick(3))
  return {
    overall: rating(),
    rebuy: rating(),
    attributes: Object.fromEntries(attributes.map((a) => [a, rating()])),
    importance: Object.fromEntries(attributes.map((a) => [a, pick(5)])),
    region: regions[pick(regions.length) - 1],
    customer_size: sizes[pick(sizes.length) - 1],
  }
}

/** 50 clients posting for `seconds`; then the server is killed with requests in flight. */
async function load(port: number, path: string, kill: () => Promise<unknown>) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients })
  const acked: string[] = []
  const latencies: number[] = []
  const statuses = new Map<number | string, number>()
  let n = 0
  const post = (key: string) =>
    new Promise<number>((ok, fail) => {
      const body = JSON.stringify({ data: answers(), submissionKey: key })
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume()
          res.on('end', () => ok(res.statusCode ?? 0))
          res.on('error', fail)
        },
      )
      req.on('error', fail)
      req.end(body)
    })
  // The first seconds warm the server up (JIT, caches): acknowledged, checked, not timed.
  const start = performance.now() + warmup * 1000
  const end = start + seconds * 1000
  let stopping = false
  const client = async (c: number) => {
    while (!stopping) {
      const key = `bench-${c}-${n++}`
      const t = performance.now()
      try {
        const status = await post(key)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
        if (status === 201) {
          acked.push(key)
          if (t >= start && performance.now() <= end) latencies.push(performance.now() - t)
        }
      } catch {
        statuses.set('error', (statuses.get('error') ?? 0) + 1)
      }
    }
  }
  const running = Array.from({ length: clients }, (_, c) => client(c))
  await new Promise((r) => setTimeout(r, (warmup + seconds) * 1000))
  stopping = true
  // kill -9 with requests in flight: what was acknowledged must be in the file.
  await kill()
  await Promise.all(running)
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN
  return { acked, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), statuses }
}

function lost(dbFile: string, keys: readonly string[]) {
  const db = new Database(dbFile, { readonly: true })
  const has = db.prepare('SELECT 1 FROM responses WHERE submission_key = ?').pluck()
  const stored = db.prepare('SELECT count(*) FROM responses').pluck().get() as number
  const missing = keys.filter((k) => !has.get(k)).length
  db.close()
  return { missing, stored }
}

const dir = mkdtempSync(join(tmpdir(), 'csi-bench-http-'))
const productDb = join(dir, 'csi.db')
const product = await startServer('server/dist/entry-node.js', {
  DATABASE_PATH: productDb,
  TOKEN_RATE_LIMIT: '0',
  SCHEDULE_MINUTES: '0',
  PUBLIC_URL: 'http://127.0.0.1',
  ADMIN_EMAIL: 'admin@example.com',
  ADMIN_PASSWORD: 'correct horse battery',
})
const store = openDatabase(productDb)
const { openLinkToken } = await createWave(store.db, {
  surveyId: 'customer',
  name: 'HTTP benchmark',
  openLink: true,
})
store.close()
const ours = await load(product.port, `/api/links/${openLinkToken}/responses`, product.kill)
const ourCheck = lost(productDb, ours.acked)

const bareDb = join(dir, 'bare.db')
const bare = await startServer('test/bench/bare-submit-server.mjs', { DATABASE_PATH: bareDb })
const base = await load(bare.port, '/api/links/x/responses', bare.kill)
const bareCheck = lost(bareDb, base.acked)
rmSync(dir, { recursive: true, force: true })

const statusText = (m: Map<number | string, number>) =>
  [...m].map(([s, c]) => `${c}× ${s}`).join(', ')
const ok = ours.perSecond >= 5000 && ours.p99 <= 50 && ourCheck.missing === 0
print([
  `durable submissions over HTTP (${clients} clients, 20 answers, ${seconds} s after ${warmup} s warm-up, kill -9 at the end)`,
  '',
  `${Math.round(ours.perSecond)}/s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms; ` +
    `${ours.acked.length} acknowledged, ${ourCheck.stored} stored, ${ourCheck.missing} lost ` +
    `(${statusText(ours.statuses)})`,
  `≥ 5,000/s, p99 ≤ 50 ms, 0 lost (${ok ? 'ok' : 'MISSED'})`,
  `bare Hono + better-sqlite3, one FULL transaction per request: ${Math.round(base.perSecond)}/s, ` +
    `p50 ${base.p50.toFixed(1)} ms, p99 ${base.p99.toFixed(1)} ms, ${bareCheck.missing} lost`,
])
