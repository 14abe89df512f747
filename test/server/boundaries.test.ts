import { readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  importEdges,
  importsOf,
  mutualFolderPairs,
  serverFolder,
  sourceFiles as files,
} from '../helpers/import-graph'
import { repoRoot } from '../helpers/repo-root'

/**
 * server/ floors, ground first (STYLE.md): a folder may import only folders on a lower floor,
 * type imports included. The kernel is alone on the ground; features sit above the shared data
 * layer; the runtime adapters and the entries only wire.
 */
const floors: readonly (readonly string[])[] = [
  ['lib'],
  ['surveys', 'mail'],
  ['db'],
  ['env'],
  ['auth'],
  ['messages'],
  ['follow-ups'],
  ['responses'],
  ['distribution'],
  ['waves'],
  ['results'],
  ['respond', 'health', 'settings', 'programme', 'brand'],
  ['catalogue', 'openapi', 'apikeys', 'webhooks'],
  ['app'],
  ['node', 'worker'],
  ['cli'],
  ['entry-node', 'entry-worker'],
]
const floorOf = (folder: string) => floors.findIndex((f) => f.includes(folder))

// Node-only code may live only in the Node entries; everything else must run on workerd too.
const nodeOnlyAllowed = /^server\/(entry-node\.ts|env\.ts|node\/|cli\/)/
const driverImports =
  /^(better-sqlite3|@hono\/node-server|drizzle-orm\/better-sqlite3|drizzle-orm\/d1|node:)/

describe('module boundaries (STYLE.md)', () => {
  test('shared server code imports no driver, no Node built-in and reads no process.env', () => {
    const offenders = files(join(repoRoot, 'server'))
      .map((f) => relative(repoRoot, f))
      .filter(
        (f) =>
          !nodeOnlyAllowed.test(f) &&
          f !== 'server/entry-worker.ts' &&
          !f.endsWith('drizzle.config.ts'),
      )
      .flatMap((f) => {
        const bad = importsOf(join(repoRoot, f)).filter(
          (i) => !i.typeOnly && driverImports.test(i.spec),
        )
        const env = readFileSync(join(repoRoot, f), 'utf8').includes('process.env')
          ? ['process.env']
          : []
        return [...bad.map((b) => `${f}: ${b.spec}`), ...env.map((e) => `${f}: ${e}`)]
      })
    expect(offenders).toEqual([])
  })

  test('the Worker entry imports only the D1 driver', () => {
    const specs = importsOf(join(repoRoot, 'server/entry-worker.ts')).map((i) => i.spec)
    expect(specs.filter((s) => driverImports.test(s))).toEqual(['drizzle-orm/d1'])
  })

  test('reports/ is pure: no runtime packages, no server or client code', () => {
    const offenders = files(join(repoRoot, 'reports')).flatMap((f) =>
      importsOf(f)
        .filter((i) => !i.typeOnly && !i.spec.startsWith('.') && !i.spec.startsWith('@stdlib/'))
        .map((i) => `${relative(repoRoot, f)}: ${i.spec}`),
    )
    expect(offenders).toEqual([])
  })

  test('client/ imports server code only as types', () => {
    const offenders = files(join(repoRoot, 'client')).flatMap((f) =>
      importsOf(f)
        .filter((i) => i.spec.includes('/server/') && !i.typeOnly)
        .map((i) => `${relative(repoRoot, f)}: ${i.spec}`),
    )
    expect(offenders).toEqual([])
  })

  test('the dashboard never renders survey text or answers as HTML (SPEC §6a)', () => {
    const offenders = files(join(repoRoot, 'client/dashboard'))
      .concat(files(join(repoRoot, 'client/charts')))
      .filter((f) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(readFileSync(f, 'utf8')),
      )
      .map((f) => relative(repoRoot, f))
    expect(offenders).toEqual([])
  })

  test('every server folder has a floor', () => {
    const folders = new Set(
      files(join(repoRoot, 'server')).map((f) => serverFolder(relative(repoRoot, f))),
    )
    expect([...folders].filter((f) => floorOf(f) < 0)).toEqual([])
  })

  test('server folders import only folders below them: the kernel nothing, no pair both ways', () => {
    const edges = importEdges(repoRoot, 'server').filter((e) => e.to.startsWith('server/'))
    const upward = edges
      .filter((e) => serverFolder(e.from) !== serverFolder(e.to))
      .filter((e) => floorOf(serverFolder(e.to)) >= floorOf(serverFolder(e.from)))
      .map((e) => `${e.from} -> ${e.to}`)
    expect(upward).toEqual([])
    expect(mutualFolderPairs(edges)).toEqual([])
  })

  test('the kernel imports no other server folder', () => {
    const kernel = importEdges(repoRoot, 'server').filter(
      (e) =>
        e.from.startsWith('server/lib/') &&
        e.to.startsWith('server/') &&
        !e.to.startsWith('server/lib/'),
    )
    expect(kernel.map((e) => `${e.from} -> ${e.to}`)).toEqual([])
  })
})
