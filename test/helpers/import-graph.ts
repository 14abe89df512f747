import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

export interface ImportEdge {
  from: string
  to: string
  typeOnly: boolean
}

export function sourceFiles(dir: string, ext = /\.tsx?$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    return statSync(path).isDirectory() ? sourceFiles(path, ext) : ext.test(name) ? [path] : []
  })
}

const importPattern =
  /^\s*(?:import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm

export function importsOf(file: string): { spec: string; typeOnly: boolean }[] {
  return [...readFileSync(file, 'utf8').matchAll(importPattern)].map((m) => ({
    typeOnly: Boolean(m[1]),
    spec: (m[2] ?? m[3])!,
  }))
}

function resolveRelative(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
  ]
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null
}

/** Every relative import between files under `dir`, as paths relative to `root`. */
export function importEdges(root: string, dir: string): ImportEdge[] {
  return sourceFiles(join(root, dir)).flatMap((file) =>
    importsOf(file).flatMap(({ spec, typeOnly }) => {
      const target = resolveRelative(file, spec)
      return target ? [{ from: relative(root, file), to: relative(root, target), typeOnly }] : []
    }),
  )
}

/** The folder a server file belongs to: `server/waves/route.ts` → `waves`; top-level files → their name. */
export function serverFolder(path: string): string {
  const parts = path.split('/')
  return parts.length > 2 ? parts[1]! : parts[1]!.replace(/\.tsx?$/, '')
}

/** Pairs of server folders that import each other, both ways (type imports included). */
export function mutualFolderPairs(edges: readonly ImportEdge[]): string[] {
  const set = new Set(
    edges
      .filter((e) => e.from.startsWith('server/') && e.to.startsWith('server/'))
      .map((e) => `${serverFolder(e.from)} -> ${serverFolder(e.to)}`)
      .filter((p) => p.split(' -> ')[0] !== p.split(' -> ')[1]),
  )
  return [...set]
    .filter((p) => {
      const [a, b] = p.split(' -> ')
      return a! < b! && set.has(`${b} -> ${a}`)
    })
    .map((p) => p.replace(' -> ', ' <-> '))
    .sort()
}
