import { describe, expect, test } from 'vitest'
import { checkApiKey } from '../../../server/db/api-keys'
import { openDatabase } from '../../../server/node/open-database'
import { csiWithDatabase } from '../../helpers/cli'

describe('csi apikey', () => {
  test('create prints the key once, list never shows it, revoke stops it', async () => {
    const cli = csiWithDatabase()
    const made = await cli(
      'apikey',
      'create',
      '--role',
      'manager',
      '--name',
      'CRM',
      '--expires',
      '30',
    )
    expect(made.stderr).toBe('')
    expect(made.code).toBe(0)
    const key = /^(csi_\S+)$/m.exec(made.stdout)![1]!
    const id = /Created API key (\S+) \(manager, "CRM"\)/.exec(made.stdout)![1]!

    const store = openDatabase(cli.env.DATABASE_PATH)
    try {
      const check = await checkApiKey(store.db, key, new Date())
      expect(check).toMatchObject({ ok: true, apiKey: { id, role: 'manager' } })
      const expiresAt = Date.parse((check as { apiKey: { expiresAt: string } }).apiKey.expiresAt)
      expect(Math.round((expiresAt - Date.now()) / 86_400_000)).toBe(30)

      const listed = await cli('apikey', 'list')
      expect(listed.code).toBe(0)
      expect(listed.stdout).toContain(id)
      expect(listed.stdout).toContain('active')
      expect(listed.stdout).not.toContain(key)

      const revoked = await cli('apikey', 'revoke', id)
      expect(revoked.code).toBe(0)
      expect(await checkApiKey(store.db, key, new Date())).toEqual({ ok: false, reason: 'revoked' })
      expect((await cli('apikey', 'list')).stdout).toContain('revoked')
    } finally {
      store.close()
    }
  })

  test('bad options are refused naming the option', async () => {
    const cli = csiWithDatabase()
    const role = await cli('apikey', 'create', '--role', 'boss', '--name', 'x')
    expect(role.code).toBe(1)
    expect(role.stderr).toContain('--role: "boss"')
    const days = await cli('apikey', 'create', '--role', 'hr', '--name', 'x', '--expires', '0')
    expect(days.code).toBe(1)
    expect(days.stderr).toContain('--expires')
    const unknown = await cli('apikey', 'revoke', 'k-nothere')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('no API key k-nothere')
  })
})
