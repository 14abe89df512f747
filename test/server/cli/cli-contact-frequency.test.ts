import { describe, expect, test } from 'vitest'
import { getContactFrequencyDays } from '../../../server/db/contact-frequency'
import { openDatabase } from '../../../server/node/open-database'
import { csiWithDatabase } from '../../helpers/cli'

describe('csi settings set contact-frequency <days>', () => {
  test('shown by settings show, saved where the API and the invitations read it', async () => {
    const csi = csiWithDatabase()
    expect((await csi('settings', 'show')).stdout).toContain(
      'Contact frequency: nobody is invited more than once in 30 days, across waves\n',
    )
    const set = await csi('settings', 'set', 'contact-frequency', '90')
    expect(set.stderr).toBe('')
    expect(set.code).toBe(0)
    expect(set.stdout).toContain('more than once in 90 days')
    // The other settings keep their values.
    expect(set.stdout).toContain('strength ≥ 8, adequate ≥ 7')
    const store = openDatabase(csi.env.DATABASE_PATH)
    try {
      expect(await getContactFrequencyDays(store.db)).toBe(90)
    } finally {
      store.close()
    }
    expect((await csi('settings', 'set', 'contact-frequency', '0')).code).toBe(0)
    expect((await csi('settings', 'show')).stdout).toContain(
      'Contact frequency: off (0 days): a contact may be invited by every wave\n',
    )
    const help = await csi('settings', 'set', '--help')
    expect(help.stdout).toContain('contact-frequency')
  })

  test('a bad number of days names the key, and nothing is saved', async () => {
    const csi = csiWithDatabase()
    expect((await csi('settings', 'set', 'contact-frequency', '45')).code).toBe(0)
    const bad = async (...args: string[]) => {
      const out = await csi('settings', 'set', 'contact-frequency', ...args)
      expect(out.code).toBe(1)
      expect(out.stdout).toBe('')
      return out.stderr
    }
    const rule = 'must be a whole number from 0 to 540'
    expect(await bad('monthly')).toBe(`csi: contact-frequency: "monthly" ${rule}\n`)
    expect(await bad('541')).toBe(`csi: contact-frequency: "541" ${rule}\n`)
    expect(await bad('7.5')).toBe(`csi: contact-frequency: "7.5" ${rule}\n`)
    expect(await bad('-1')).toBe(`csi: contact-frequency: "-1" ${rule}\n`)
    expect(await bad()).toMatch(/^csi: <value>: give the value of contact-frequency/)
    expect((await csi('settings', 'show')).stdout).toContain('more than once in 45 days')
  })
})
