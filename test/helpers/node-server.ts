import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'

export const repoRoot = resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port
      srv.close(() => ok(port))
    })
    srv.on('error', fail)
  })
}

/**
 * `npm start` as a user runs it (the bundle server/dist/entry-node.js, built by the projects'
 * global setup) on a fresh database file and a free port; `csi` runs the CLI against the same
 * database.
 */
export async function startNodeServer(extraEnv: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'csi-node-'))
  const port = await freePort()
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_PATH: join(dir, 'csi.db'),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'correct horse battery',
    ...extraEnv,
  }
  const child: ChildProcess = spawn(process.execPath, ['server/dist/entry-node.js'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start in 30 s:\n${output}`)
    await new Promise((r) => setTimeout(r, 150))
  }
  const csi = async (...args: string[]) => {
    const { stdout } = await run(process.execPath, ['server/cli/bin.js', ...args], {
      cwd: repoRoot,
      env,
    })
    return stdout
  }
  return {
    url,
    env,
    csi,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
  }
}
