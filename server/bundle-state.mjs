// Whether server/dist still matches the sources, without loading esbuild: `csi` asks this on
// every run, so it must cost a few stats, not a build.
import { readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = dirname(dirname(fileURLToPath(import.meta.url)))
export const distDir = join(root, 'server/dist')
export const stateFile = join(distDir, 'inputs.json')

/** Why the bundle must be rebuilt ('missing', '<file> changed'), or null when it is current. */
export function staleReason() {
  let state
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8'))
  } catch {
    return 'server/dist is missing'
  }
  for (const input of state.inputs) {
    let mtime
    try {
      mtime = statSync(join(root, input)).mtimeMs
    } catch {
      return `${input} is gone`
    }
    if (mtime > state.builtAt) return `${input} changed`
  }
  return null
}
