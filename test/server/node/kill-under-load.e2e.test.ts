import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { loadAggregates } from '../../../server/db/aggregates'
import { responses } from '../../../server/db/schema'
import { createWave } from '../../../server/db/waves'
import { openDatabase } from '../../../server/node/open-database'
import { rebuildWaveAggregates } from '../../../server/responses/rebuild-aggregates'
import { makeCustomerAnswers } from '../../helpers/answers'
import { repoRoot } from '../../helpers/node-server'

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

describe('kill -9 of the server under load', () => {
  test('every acknowledged response is stored with its aggregates; 100 submits of one key store one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-kill-'))
    const dbFile = join(dir, 'csi.db')
    const port = await freePort()
    const child = spawn(process.execPath, ['server/dist/entry-node.js'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_PATH: dbFile,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        TOKEN_RATE_LIMIT: '0',
        SCHEDULE_MINUTES: '0',
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'correct horse battery',
      },
      stdio: 'ignore',
    })
    const exited = new Promise((r) => child.once('exit', r))
    for (;;) {
      expect(child.exitCode).toBeNull()
      const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (up) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const setup = openDatabase(dbFile)
    const { wave, openLinkToken } = await createWave(setup.db, {
      surveyId: 'customer',
      name: 'Killed',
      openLink: true,
    })
    setup.close()

    const agent = new Agent({ keepAlive: true, maxSockets: 40 })
    const post = (key: string) =>
      new Promise<number>((ok, fail) => {
        const body = JSON.stringify({ data: makeCustomerAnswers(), submissionKey: key })
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: `/api/links/${openLinkToken}/responses`,
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume()
            res.on('end', () => ok(res.statusCode ?? 0))
          },
        )
        req.on('error', fail)
        req.end(body)
      })
    const acked: string[] = []
    let stop = false
    let enough = () => {}
    const reached = new Promise<void>((r) => (enough = r))
    const clients = Array.from({ length: 30 }, async (_, c) => {
      for (let i = 0; !stop; i++) {
        const key = `kill-${c}-${i}`
        const status = await post(key).catch(() => 0)
        if (status === 201) acked.push(key)
        if (acked.length >= 400) enough()
      }
    })
    const same = await Promise.all(Array.from({ length: 100 }, () => post('one-key-100-times')))
    expect(same.filter((s) => s === 201)).toHaveLength(1)
    expect(same.filter((s) => s === 409)).toHaveLength(99)
    await reached
    child.kill('SIGKILL')
    await exited
    stop = true
    await Promise.all(clients)
    agent.destroy()

    const after = openDatabase(dbFile)
    const keys = new Set(
      (await after.db.select({ k: responses.submissionKey }).from(responses)).map((r) => r.k),
    )
    expect(acked.filter((k) => !keys.has(k))).toEqual([])
    expect(keys.has('one-key-100-times')).toBe(true)
    expect(keys.size).toBeGreaterThanOrEqual(acked.length + 1)
    // The aggregates committed with exactly the rows: equal to a rebuild from them.
    const sorted = (b: Awaited<ReturnType<typeof loadAggregates>>) =>
      [...b].sort((x, y) => `${x.group}/${x.block}`.localeCompare(`${y.group}/${y.block}`))
    const incremental = sorted(await loadAggregates(after.db, wave.id))
    await rebuildWaveAggregates(after, wave.id)
    expect(incremental).toEqual(sorted(await loadAggregates(after.db, wave.id)))
    after.close()
  }, 120_000)
})
