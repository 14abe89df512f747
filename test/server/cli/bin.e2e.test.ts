import { execFile, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, test } from 'vitest'
import { repoRoot } from '../../helpers/repo-root'

// The real bin on the bundle in server/dist, a few times: what the in-process tests cannot see
// (module loading from the bundle, paths found from it, exit codes, the process's streams).
const run = promisify(execFile)
// The tests below run concurrently: each that touches a database gets a fresh one of its own,
// so no two first starts (migrate, then load the starter surveys) race on one file.
const freshEnv = () => ({
  ...process.env,
  DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'csi-bin-')), 'csi.db'),
  PUBLIC_URL: 'https://survey.example.com',
})
const env = freshEnv()

async function bin(...args: string[]) {
  return binIn(env, ...args)
}

async function binIn(env: NodeJS.ProcessEnv, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['server/cli/bin.js', ...args], {
      cwd: repoRoot,
      env,
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('server/cli/bin.js', { concurrent: true }, () => {
  test('--help lists the commands and exits 0', async () => {
    const out = await bin('--help')
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(out.stdout).toMatch(/^Usage: csi \[options\] \[command\]/)
    expect(out.stdout).toContain('report [options] [responses.csv]')
  })

  test('report of a file prints the report on stdout', async () => {
    const out = await bin('report', 'test/fixtures/report/responses.csv')
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(out.stdout).toContain('# CSI report: responses.csv')
    expect(out.stdout).toContain('CSI 3.75')
  })

  test('a refused file and an unknown command exit 1 with one line on stderr', async () => {
    const refused = await bin('report', 'test/fixtures/report/responses.csv', '--format', 'xml')
    expect(refused).toMatchObject({ code: 1, stdout: '' })
    expect(refused.stderr).toBe('csi: --format: "xml" is not one of md, csv, json\n')
    const unknown = await bin('nope')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain("error: unknown command 'nope'")
  })

  test('wave create migrates the database from the bundle and prints the wave', async () => {
    const out = await bin('wave', 'create', '--survey', 'customer', '--name', 'Bin', '--json')
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(out.stdout)).toMatchObject({ name: 'Bin', survey: 'customer' })
  })

  // `csi … | head`: the reader goes away before the output is written. The bin stops quietly,
  // as Unix tools do, instead of crashing on an unhandled EPIPE.
  test.each([
    ['report', 'test/fixtures/report/responses.csv', '--format', 'json'],
    ['export', '--wave', 'WAVE'],
  ])('%s with a stdout closed early exits 0 without a word', async (...args) => {
    const env = freshEnv()
    if (args.includes('WAVE')) {
      const created = await binIn(
        env,
        'wave',
        'create',
        '--survey',
        'customer',
        '--name',
        'Pipe',
        '--json',
      )
      args[args.indexOf('WAVE')] = JSON.parse(created.stdout).id
    }
    const child = spawn(process.execPath, ['server/cli/bin.js', ...args], { cwd: repoRoot, env })
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const code = await new Promise((ok) => child.once('close', ok))
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' })
  })
})
