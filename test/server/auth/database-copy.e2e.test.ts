import Database from 'better-sqlite3'
import { makeSignature } from 'better-auth/crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { startNodeServer } from '../../helpers/node-server'

type Server = Awaited<ReturnType<typeof startNodeServer>>
const running: Server[] = []
afterAll(async () => {
  for (const s of running) await s.stop()
})
const start = async (env: Record<string, string> = {}) => {
  const s = await startNodeServer(env)
  running.push(s)
  return s
}

const signIn = async (s: Server, password = 'correct horse battery') =>
  fetch(`${s.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: s.url },
    body: JSON.stringify({ email: 'admin@example.com', password }),
  })
const me = (s: Server, cookie: string) => fetch(`${s.url}/api/me`, { headers: { Cookie: cookie } })

describe('a copy of the database file', () => {
  test('gives no session in a fresh process, however its contents are combined', async () => {
    const original = await start()
    const res = await signIn(original)
    expect(res.status).toBe(200)
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    expect((await me(original, cookie)).status).toBe(200)

    const dbPath = original.env.DATABASE_PATH
    const keyFile = `${dbPath}.auth-secret`
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    const secret = readFileSync(keyFile, 'utf8').trim()
    expect(secret.length).toBeGreaterThanOrEqual(32)

    // Admin sees the throttle of a failed attempt from the CLI, and clears it.
    expect((await signIn(original, 'a wrong guess')).status).toBe(401)
    expect(await original.csi('user', 'throttles')).toMatch(
      /^account:admin@example\.com\t1 failures/m,
    )
    expect(await original.csi('user', 'unthrottle', '--email', 'admin@example.com')).toBe(
      'Cleared 2 sign-in throttles\n',
    )
    await original.stop()

    // Whatever the file holds: the secret is not in it, and no stored value signs a cookie.
    const copyDir = mkdtempSync(join(tmpdir(), 'csi-copy-'))
    const copy = join(copyDir, 'csi.db')
    for (const suffix of ['', '-wal'])
      if (existsSync(dbPath + suffix)) copyFileSync(dbPath + suffix, copy + suffix)
    expect(readFileSync(copy).includes(secret)).toBe(false)
    const sqlite = new Database(copy, { readonly: true })
    const tokens = sqlite.prepare('select token from sessions').pluck().all() as string[]
    const values = sqlite.prepare('select value from settings').pluck().all() as string[]
    sqlite.close()
    expect(tokens).toHaveLength(1)

    const stolen = await start({ DATABASE_PATH: copy })
    expect(dirname(stolen.env.DATABASE_PATH)).toBe(copyDir)
    expect((await me(stolen, cookie)).status).toBe(401)
    for (const token of tokens)
      for (const key of [...values, secret]) {
        const forged = encodeURIComponent(`${token}.${await makeSignature(token, key)}`)
        expect((await me(stolen, `csi.session_token=${forged}`)).status).toBe(401)
      }

    // The installation itself keeps its sessions across a restart: nobody is signed out again.
    const restarted = await start({ DATABASE_PATH: dbPath })
    expect((await me(restarted, cookie)).status).toBe(200)
  })
})
