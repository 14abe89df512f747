// `npm start` runs this: a client build takes seconds (more on a busy machine), so it runs only
// when a source of the bundle (client/, the reports/ helpers it imports, dependencies) is newer.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const builtAt = statSync(join(root, 'client/dist/index.html'), { throwIfNoEntry: false })?.mtimeMs

/** The first file or folder under `path` changed after the build (a folder: an entry added or removed). */
function changedIn(path) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return null
  if (stat.mtimeMs > builtAt) return path
  if (!stat.isDirectory()) return null
  for (const name of readdirSync(path)) {
    if (name === 'dist' || name === 'node_modules') continue
    const changed = changedIn(join(path, name))
    if (changed) return changed
  }
  return null
}

const changed = builtAt
  ? ['client', 'reports', 'package-lock.json'].map((s) => changedIn(join(root, s))).find(Boolean)
  : root
if (changed) {
  console.log(
    builtAt ? `client: ${relative(root, changed)} changed, rebuilding` : 'client: building',
  )
  const build = spawnSync('npm', ['run', 'build:client'], { cwd: root, stdio: 'inherit' })
  process.exit(build.status ?? 1)
}
