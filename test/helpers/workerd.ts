import { execFile } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { drizzle } from 'drizzle-orm/d1'
import { Miniflare } from 'miniflare'
import type { D1Database } from '@cloudflare/workers-types'
import { batchAtomic } from '../../server/db/batch-atomic'
import type { Db, Store } from '../../server/db/client'
import * as schema from '../../server/db/schema'

const root = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

/** Bundles the Worker exactly as `wrangler deploy` would, into a per-run folder. */
export async function bundleWorker(outdir: string) {
  await run('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: { ...process.env, CI: '1' },
  })
  return join(outdir, 'entry-worker.js')
}

/** The committed migrations, statement by statement, as `wrangler d1 migrations apply` runs them. */
export async function migrationStatements() {
  const dir = join(root, 'server/db/migrations')
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  const statements: string[] = []
  for (const f of files) {
    const sql = await readFile(join(dir, f), 'utf8')
    statements.push(
      ...sql
        .split('--> statement-breakpoint')
        .map((s) => s.trim())
        .filter(Boolean),
    )
  }
  return statements
}

/**
 * The Worker on workerd with a local D1, migrated from the committed SQL. `assets` stands in
 * for the static-assets binding (a Node function serving client/dist).
 */
export async function startWorker(options: {
  scriptPath: string
  assets?: (req: Request) => Promise<Response>
}) {
  const mf = new Miniflare({
    modules: true,
    scriptPath: options.scriptPath,
    modulesRoot: dirname(options.scriptPath),
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'csi-test' },
    serviceBindings: {
      ASSETS: options.assets ?? (async () => new Response('Not found', { status: 404 })),
    },
  })
  await mf.ready
  const d1 = await mf.getD1Database('DB')
  await d1.batch((await migrationStatements()).map((s) => d1.prepare(s)))
  const db = drizzle(d1 as never, { schema }) as unknown as Db
  return {
    mf,
    db,
    fetch: (path: string, init?: RequestInit) =>
      mf.dispatchFetch(
        new URL(path, 'http://localhost').toString(),
        init as never,
      ) as unknown as Promise<Response>,
    stop: () => mf.dispose(),
  }
}

/** Stands in for Cloudflare's assets binding: serves the built client/dist from Node. */
export async function distAssets(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname
  try {
    return new Response(await readFile(join(root, 'client/dist', path.replace(/\.\./g, ''))), {
      headers: {
        'Content-Type': path.endsWith('.html')
          ? 'text/html; charset=utf-8'
          : 'application/octet-stream',
      },
    })
  } catch {
    return new Response('Not found', { status: 404 })
  }
}

/**
 * A local D1 (workerd through Miniflare, no Worker of ours), migrated from the committed SQL, for
 * tests that drive the repositories on D1 directly; `dispose` it after.
 */
export async function migratedLocalD1(name: string) {
  const mf = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response("") } }',
    compatibilityDate: '2026-04-01',
    d1Databases: { DB: name },
  })
  const d1 = (await mf.getD1Database('DB')) as unknown as D1Database
  await d1.batch((await migrationStatements()).map((s) => d1.prepare(s)))
  return { d1, dispose: () => mf.dispose() }
}

/** The repositories' store over a D1 binding: drizzle's D1 driver and its batch as `atomic`. */
export function d1Store(binding: D1Database): Store {
  const db = drizzle(binding as never, { schema })
  return { db: db as unknown as Db, atomic: batchAtomic(db) }
}
