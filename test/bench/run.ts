// `npm run bench`: the SPEC §6 figures this build can measure, each next to its target and,
// where SPEC asks, a baseline measured in the same run. Not a test: it prints, never asserts.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { upsertSurvey } from '../../server/db/surveys'
import { createWave } from '../../server/db/waves'
import { loadWaveSurvey } from '../../server/db/wave-survey'
import { rebuildWaveAggregates } from '../../server/responses/rebuild-aggregates'
import { loadReportWaves, waveReport } from '../../server/results/wave-report'
import { ratingCode } from '../../reports'
import { responseRecord, specOfSurvey } from '../../server/surveys/response-record'
import { openDatabase } from '../../server/node/open-database'
import { answerGenerator, benchSegments, benchSurvey } from './synthetic-survey'

const sizes = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number)
const dir = mkdtempSync(join(tmpdir(), 'csi-bench-'))
const store = openDatabase(join(dir, 'bench.db'))
const rows: string[][] = []
const print = (cells: (string | number)[]) => console.log(cells.map(String).join(' | '))

function ms(t0: number) {
  return performance.now() - t0
}

await upsertSurvey(store, {
  id: 'bench',
  audience: 'customer',
  title: benchSurvey.title,
  definition: benchSurvey,
})
const insert = store.sqlite.prepare(
  `INSERT INTO responses (wave_id, survey_id, survey_version, audience, mode, answers, segments, ratings, submission_key, submitted_at)
   VALUES (?, 'bench', 1, 'customer', 'web', ?, ?, ?, ?, ?)`,
)
const spec = specOfSurvey('customer', benchSurvey)
const fill = store.sqlite.transaction(
  (
    waveId: string,
    from: number,
    to: number,
    next: () => ReturnType<ReturnType<typeof answerGenerator>>,
  ) => {
    for (let i = from; i < to; i++) {
      const a = next()
      const segments = JSON.stringify({
        region: a.region,
        product_line: a.product_line,
        size: a.size,
      })
      const ratings = ratingCode(responseRecord('customer', benchSurvey, a), spec)
      insert.run(waveId, JSON.stringify(a), segments, ratings, `k${i}`, 1_790_000_000 + i)
    }
  },
)

console.log(`CSI Toolkit benchmarks — node ${process.version}, ${new Date().toISOString()}`)
console.log(
  'report: CSI, 15 attributes, importance, gaps, 3 segment dimensions; warm = median of 5 runs\n',
)
print(['measure', 'responses', 'figure', 'target', 'baseline (same run)'])
print(['---', '---', '---', '---', '---'])

for (const n of sizes) {
  const { wave } = await createWave(store.db, { surveyId: 'bench', name: `bench ${n}` })
  const next = answerGenerator(n)
  const t0 = performance.now()
  for (let i = 0; i < n; i += 50_000) fill(wave.id, i, Math.min(n, i + 50_000), next)
  const loadMs = ms(t0)

  const t1 = performance.now()
  const rebuilt = await rebuildWaveAggregates(store, wave.id)
  const rebuildMs = ms(t1)
  const t1b = performance.now()
  await rebuildWaveAggregates(store, wave.id, { fromAnswers: true })
  const deepMs = ms(t1b)

  const waves = await loadReportWaves(store.db, [wave.id])
  const options = { by: Object.keys(benchSegments) }
  const times: number[] = []
  let report: Awaited<ReturnType<typeof waveReport>> | null = null
  for (let i = 0; i < 6; i++) {
    const t = performance.now()
    report = await waveReport(store, waves, options)
    if (i > 0) times.push(ms(t))
  }
  const warm = times.sort((a, b) => a - b)[2]!

  // Baseline: what the report's counts cost as plain SQL GROUP BYs over the raw rows.
  const t2 = performance.now()
  // One query, audience level only (the segment breakouts would each cost as much again).
  store.sqlite
    .prepare(
      `SELECT je.key, je.value, count(*) FROM responses r, json_each(r.answers, '$.attributes') je
       WHERE r.wave_id = ? GROUP BY je.key, je.value`,
    )
    .all(wave.id)
  const groupByMs = ms(t2)

  const ok = (v: number, target: number) => (v <= target ? 'ok' : 'MISSED')
  print([
    'report from aggregates (warm)',
    n,
    `${warm.toFixed(1)} ms`,
    `≤ 100 ms, flat in n (${ok(warm, 100)})`,
    `one SQL GROUP BY (counts per attribute value, no segments) over raw rows: ${groupByMs.toFixed(0)} ms`,
  ])
  print([
    'aggregate rebuild from raw rows',
    n,
    `${(rebuildMs / 1000).toFixed(2)} s (${rebuilt?.cells} cells)`,
    n >= 1_000_000 ? `≤ 5 s at 1M (${ok(rebuildMs, 5000)})` : '≤ 5 s at 1M',
    `insert of raw rows (setup): ${(loadMs / 1000).toFixed(1)} s`,
  ])
  print([
    'aggregate rebuild, --from-answers (deep repair)',
    n,
    `${(deepMs / 1000).toFixed(2)} s`,
    '(no target)',
    '',
  ])
  rows.push([String(n), String(report?.groups.length)])
}

store.close()
rmSync(dir, { recursive: true, force: true })

// Durable submissions over HTTP (SPEC §6): the real server and a bare handler, ~25 s.
await import('./http-submit')

// `csi` start-up (SPEC §6): child processes, a few seconds.
await import('./cli-startup')

// Invitations, imports and export (SPEC §6), with their own database and a local SMTP server.
await import('./distribution')

// Rows written per response and per 1,000 invitations (D1 bills rows written), a few seconds.
await import('./rows-written')

// The respondent page under Lighthouse's mobile profile beside a bare survey-core page of the
// same survey (SPEC §6), a few minutes; BENCH_LIGHTHOUSE_RUNS=0 leaves it out.
const lighthouseRuns = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
if (lighthouseRuns > 0) {
  const { benchRespondentPage } = await import('./respondent-page')
  await benchRespondentPage(lighthouseRuns)
}
