import { execFileSync } from 'node:child_process'
import { repoRoot } from './repo-root'

/** Vitest global setup: `npm run build:server` when a bundled source changed since the last. */
export default function setup() {
  execFileSync(process.execPath, ['server/build.mjs', '--if-stale'], {
    cwd: repoRoot,
    stdio: 'inherit',
  })
}
