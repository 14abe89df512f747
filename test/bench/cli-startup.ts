// Start-up of the `csi` bin (SPEC §6): the median of 10 runs of `csi --help` and of a 10-row
// `csi report`, beside `node -e 0` measured the same way, so the figure is what the CLI adds.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const root = resolve(import.meta.dirname, '../..')
const runs = 10
const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))
const dir = mkdtempSync(join(tmpdir(), 'csi-bench-cli-'))
const tenRows = join(dir, 'ten-rows.csv')
const fixture = readFileSync(join(root, 'test/fixtures/report/responses.csv'), 'utf8')
writeFileSync(tenRows, fixture.split('\n').slice(0, 11).join('\n'))
// The bench runs under tsx; the measured processes must not inherit its loader.
const { NODE_OPTIONS: _, ...env } = process.env

/** Median wall time in ms of `node <args>`, after one unmeasured run to warm the file cache. */
function medianMs(args: string[]) {
  const times: number[] = []
  for (let i = 0; i <= runs; i++) {
    const t0 = performance.now()
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`)
    if (i > 0) times.push(performance.now() - t0)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

const baseline = medianMs(['-e', '0'])
const ok = (ms: number) => (ms <= 300 ? 'ok' : 'MISSED')
console.log(`\nCLI start-up — median of ${runs} runs`)
print(['measure', 'figure', 'target', 'baseline (same run)'])
for (const [what, args] of [
  ['csi --help', ['server/cli/bin.js', '--help']],
  ['csi report, 10 rows', ['server/cli/bin.js', 'report', tenRows]],
] as const) {
  const ms = medianMs([...args])
  print([
    what,
    `${ms.toFixed(0)} ms`,
    `≤ 300 ms (${ok(ms)})`,
    `node -e 0: ${baseline.toFixed(0)} ms`,
  ])
}
rmSync(dir, { recursive: true, force: true })
