// Bundles the Node entry and the CLI into server/dist so `npm start` and `csi` run on plain node:
// tsx compiled every file on each start (2–3 s for `csi --help`). Code splitting keeps each CLI
// command in its own chunk, loaded only when it runs.
// `node server/build.mjs --if-stale` builds only when a bundled source changed.
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { distDir, root, staleReason, stateFile } from './bundle-state.mjs'

const ifStale = process.argv.includes('--if-stale')
if (ifStale && !staleReason()) process.exit(0)

// npm packages load from node_modules, except those made of many small files, which are
// bundled: resolving and compiling them one by one cost every start ~100 ms for @stdlib's ~200
// one-function packages (a third of a small `csi report`) and ~250 ms for drizzle-orm's and
// zod's ~200 files (two thirds of a `csi export` before its first row). Native (better-sqlite3)
// and rarely loaded packages stay external.
const bundled = ['@stdlib/', 'drizzle-orm', 'zod', 'hono', '@hono/', 'commander', 'papaparse']
const isBundled = (path) =>
  bundled.some((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))
const fromStdlib = /[\\/]node_modules[\\/]@stdlib[\\/]/
const externalExceptBundled = {
  name: 'external-except-bundled',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      isBundled(args.path) || fromStdlib.test(args.importer) ? undefined : { external: true },
    )
  },
}
// The bundled CommonJS (stdlib's `debug`) requires Node built-ins, which ESM lacks.
const requireShim =
  "import { createRequire } from 'node:module'\nconst require = createRequire(import.meta.url)"

const builtAt = Date.now()
const { build } = await import('esbuild').catch(() => {
  console.error('build:server: esbuild is missing; run npm install (it is a devDependency)')
  process.exit(1)
})
const result = await build({
  absWorkingDir: root,
  entryPoints: { 'entry-node': 'server/entry-node.ts', 'cli/main': 'server/cli/main.ts' },
  outdir: 'server/dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalExceptBundled],
  banner: { js: requireShim },
  sourcemap: 'linked',
  metafile: true,
  write: false,
  logLevel: 'warning',
})

// Each file lands whole (temporary name, then rename), chunks before the entries that import
// them, so a `csi` started during a rebuild never loads half a file.
const isChunk = (path) => path.startsWith(join(distDir, 'chunks'))
const outputs = result.outputFiles.toSorted((a, b) => isChunk(b.path) - isChunk(a.path))
for (const file of outputs) {
  mkdirSync(dirname(file.path), { recursive: true })
  writeFileSync(`${file.path}.${process.pid}.tmp`, file.contents)
  renameSync(`${file.path}.${process.pid}.tmp`, file.path)
}
const kept = new Set(outputs.map((f) => f.path))
for (const name of readdirSync(join(distDir, 'chunks'))) {
  const path = join(distDir, 'chunks', name)
  if (!kept.has(path)) rmSync(path, { force: true })
}

const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'))
inputs.push(relative(root, import.meta.filename))
writeFileSync(stateFile, JSON.stringify({ builtAt, inputs }, null, 1))
console.log(`server/dist: ${outputs.length} files from ${inputs.length} sources`)
