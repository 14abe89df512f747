import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, test } from 'vitest'
import { repoRoot } from '../helpers/node-server'

function files(dir: string, ext = /\.tsx?$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : []
  })
}

const importsOf = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*?['"]([^'"]+)['"]/gm)].map(
    (m) => ({
      typeOnly: Boolean(m[1]),
      spec: m[2]!,
    }),
  )

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
})
