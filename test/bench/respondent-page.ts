// The respondent page under Lighthouse 12's mobile profile (simulated slow 4G, 4× CPU), beside a
// bare survey-core page rendering the same survey in the same run. Prints, never asserts.
//   npm run build:client && npm run build:server && npx tsx test/bench/respondent-page.ts [--runs 3]
// Needs /usr/bin/chromium (or CHROMIUM_PATH) and `npx lighthouse@12` (fetched once from npm).
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import customer from '../../surveys/customer.json' with { type: 'json' }
import { chromiumPath } from '../helpers/browser'
import { repoRoot, startNodeServer } from '../helpers/node-server'

const run = promisify(execFile)

type Figures = { score: number; tti: number; lcp: number; tbt: number; cls: number; fcp: number }

const metrics = [
  { key: 'score', label: 'performance score', target: '≥ 90', fmt: (v: number) => v.toFixed(0) },
  { key: 'tti', label: 'interactive (TTI)', target: '≤ 3.5 s', fmt: seconds },
  { key: 'lcp', label: 'largest contentful paint', target: '', fmt: seconds },
  {
    key: 'tbt',
    label: 'total blocking time',
    target: '',
    fmt: (v: number) => `${v.toFixed(0)} ms`,
  },
  {
    key: 'cls',
    label: 'cumulative layout shift',
    target: '≤ 0.1',
    fmt: (v: number) => v.toFixed(3),
  },
  { key: 'fcp', label: 'first contentful paint', target: '', fmt: seconds },
] as const

function seconds(ms: number) {
  return `${(ms / 1000).toFixed(2)} s`
}

/** One Lighthouse run; it sometimes loses the trace on a busy machine (NO_NAVSTART): retried. */
async function lighthouse(url: string, attempts = 3): Promise<Figures> {
  try {
    return await lighthouseOnce(url)
  } catch (err) {
    if (attempts <= 1) throw err
    console.error(`lighthouse failed, retrying: ${(err as { stderr?: string }).stderr ?? err}`)
    return lighthouse(url, attempts - 1)
  }
}

async function lighthouseOnce(url: string): Promise<Figures> {
  const out = join(mkdtempSync(join(tmpdir(), 'csi-lh-')), 'report.json')
  await run(
    'npx',
    [
      '--yes',
      'lighthouse@12',
      url,
      `--chrome-path=${chromiumPath}`,
      '--chrome-flags=--headless --no-sandbox',
      '--only-categories=performance',
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 },
  )
  const report = JSON.parse(readFileSync(out, 'utf8'))
  const a = report.audits
  return {
    score: report.categories.performance.score * 100,
    tti: a.interactive?.numericValue ?? NaN,
    lcp: a['largest-contentful-paint'].numericValue,
    tbt: a['total-blocking-time'].numericValue,
    cls: a['cumulative-layout-shift'].numericValue,
    fcp: a['first-contentful-paint'].numericValue,
  }
}

/** A static page that renders the customer survey with survey-core and nothing else. */
async function buildBarePage() {
  // Inside node_modules so the page's imports resolve against this repository's packages.
  const root = join(repoRoot, 'node_modules/.cache/csi-bench-bare-page')
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" /><title>Survey</title></head>
<body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>`,
  )
  writeFileSync(
    join(root, 'main.jsx'),
    `import { createRoot } from 'react-dom/client'
import { Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
import 'survey-core/survey-core.fontless.min.css'
const model = new Model(${JSON.stringify(customer)})
createRoot(document.getElementById('root')).render(<Survey model={model} />)
`,
  )
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: join(root, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  })
  return join(root, 'dist')
}

/** Serves a folder the way a plain static host does: gzip on the fly, no other tuning. */
async function serveStatic(dir: string): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url!, 'http://x').pathname
    const file = normalize(join(dir, path === '/' ? 'index.html' : path))
    let body: Buffer
    try {
      body = readFileSync(file)
    } catch {
      res.writeHead(404).end()
      return
    }
    const headers: Record<string, string> = {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    }
    if (/\bgzip\b/.test(String(req.headers['accept-encoding']))) {
      body = gzipSync(body)
      headers['Content-Encoding'] = 'gzip'
    }
    res.writeHead(200, headers).end(body)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}/`, server }
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.floor((s.length - 1) / 2)]!
}

/** Runs Lighthouse `runs` times on each page, alternating, and prints medians beside targets. */
export async function benchRespondentPage(runs = 3) {
  const app = await startNodeServer()
  const bare = await serveStatic(await buildBarePage())
  try {
    const out = await app.csi(
      'wave',
      'create',
      '--survey',
      'customer',
      '--name',
      'Bench',
      '--open',
      '--json',
    )
    const link = (JSON.parse(out) as { link: string }).link
    const ours: Figures[] = []
    const base: Figures[] = []
    for (let i = 0; i < runs; i++) {
      ours.push(await lighthouse(link))
      base.push(await lighthouse(bare.url))
    }
    console.log(
      `\nrespondent page, Lighthouse 12 mobile (simulated slow 4G, 4× CPU), median of ${runs} (min–max)`,
    )
    console.log('figure | target | respondent page (/s/<token>) | bare survey-core page, same run')
    for (const m of metrics) {
      const cell = (all: Figures[]) => {
        const v = all.map((f) => f[m.key])
        return `${m.fmt(median(v))} (${m.fmt(Math.min(...v))}–${m.fmt(Math.max(...v))})`
      }
      console.log([m.label, m.target || '—', cell(ours), cell(base)].join(' | '))
    }
  } finally {
    bare.server.close()
    await app.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--runs')
  await benchRespondentPage(i > 0 ? Number(process.argv[i + 1]) : 3)
}
