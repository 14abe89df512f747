#!/usr/bin/env -S node --max-old-space-size=96
// The heap cap makes V8 collect early: imports and exports stream, so they fit whatever the
// file size, and the whole process stays under ~200 MB instead of growing with lazy GC.
// The CLI runs from the bundle in server/dist (built by `npm install` and `npm run build:server`):
// a stale bundle would run yesterday's code, so it is refused rather than rebuilt behind your back.
import { once } from 'node:events'
import { staleReason } from '../bundle-state.mjs'

const stale = staleReason()
if (stale) {
  process.stderr.write(`csi: the built CLI is out of date (${stale}); run npm run build:server\n`)
  process.exit(1)
}
// `csi export … | head` closes the pipe early: stop quietly, as other Unix tools do.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err
  process.exit(0)
})
const { run } = await import('../dist/cli/main.js')
const code = await run(process.argv.slice(2), {
  stdout: (chunk) => {
    if (!process.stdout.write(chunk)) return once(process.stdout, 'drain').then(() => {})
  },
  stderr: (chunk) => void process.stderr.write(chunk),
  env: process.env,
  tty: process.stderr.isTTY,
})
if (code !== 0) process.exit(code)
