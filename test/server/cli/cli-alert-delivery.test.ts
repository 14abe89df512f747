import { describe, expect, test } from 'vitest'
import { csiWithDatabase } from '../../helpers/cli'

describe('csi settings: how owners hear of alerts', () => {
  test('one email per alert by default; a daily digest at an hour when set', async () => {
    const csi = csiWithDatabase()
    expect((await csi('settings', 'show')).stdout).toContain(
      'Alerts: owners get one email per alert (a digest would go at 07:00 UTC)',
    )
    const set = await csi('settings', 'set', '--alert-delivery', 'daily', '--digest-hour', '16')
    expect(set.stderr).toBe('')
    expect(set.stdout).toContain('Alerts: owners get a daily digest from 16:00 UTC')
    // SPEC §5.2's <key> <value> form; the other setting keeps its value.
    expect((await csi('settings', 'set', 'digest-hour', '5')).code).toBe(0)
    expect((await csi('settings', 'show')).stdout).toContain('daily digest from 05:00 UTC')
    expect((await csi('settings', 'set', 'alert-delivery', 'each')).code).toBe(0)
    expect((await csi('settings', 'show')).stdout).toContain(
      'one email per alert (a digest would go at 05:00 UTC)',
    )
  })

  test('a bad value is named by the option or key typed, and nothing is saved', async () => {
    const csi = csiWithDatabase()
    const bad = async (...args: string[]) => {
      const out = await csi('settings', 'set', ...args)
      expect(out.code).toBe(1)
      return out.stderr
    }
    expect(await bad('--digest-hour', '24')).toBe(
      'csi: --digest-hour: "24" must be a whole number from 0 to 23 (the hour, UTC)\n',
    )
    expect(await bad('digest-hour', '7.5')).toBe(
      'csi: digest-hour: "7.5" must be a whole number from 0 to 23 (the hour, UTC)\n',
    )
    expect(await bad('--alert-delivery', 'weekly', '--digest-hour', '3')).toBe(
      'csi: --alert-delivery: "weekly" must be each (one email per alert) or daily (a digest)\n',
    )
    expect(await bad('alert-delivery', 'hourly')).toMatch(/^csi: alert-delivery: "hourly" must be/)
    expect((await csi('settings', 'show')).stdout).toContain(
      'one email per alert (a digest would go at 07:00 UTC)',
    )
  })
})
