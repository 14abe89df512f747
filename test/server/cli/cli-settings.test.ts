import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { openDatabase } from '../../../server/node/open-database'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { csiWithDatabase, runCsi } from '../../helpers/cli'
import { repoRoot } from '../../helpers/repo-root'

const fixture = join(repoRoot, 'test/fixtures/report/responses.csv')

describe('csi settings', () => {
  test('show prints the defaults; set changes only what it names', async () => {
    const csi = csiWithDatabase()
    const shown = await csi('settings', 'show')
    expect(shown.code).toBe(0)
    expect(shown.stdout).toContain('strength ≥ 8, adequate ≥ 7')
    expect(shown.stdout).toContain('Scale: linear')
    expect(shown.stdout).toContain('groups of at least 5, comments of at least 10')

    const set = await csi(
      'settings',
      'set',
      '--strength',
      '7.5',
      '--adequate',
      '6.5',
      '--scale',
      'proportional',
    )
    expect(set.stderr).toBe('')
    expect(set.code).toBe(0)
    const after = (await csi('settings', 'show')).stdout
    expect(after).toContain('strength ≥ 7.5, adequate ≥ 6.5')
    expect(after).toContain('Scale: proportional')
    expect(after).toContain('groups of at least 5, comments of at least 10')

    await csi('settings', 'set', '--min-group', '6', '--min-comments', '12')
    const later = (await csi('settings', 'show')).stdout
    expect(later).toContain('strength ≥ 7.5, adequate ≥ 6.5')
    expect(later).toContain('groups of at least 6, comments of at least 12')

    // SPEC §5.2's form: <key> <value>, the cut-offs low first.
    expect((await csi('settings', 'set', 'bands', '6,7.5')).code).toBe(0)
    expect((await csi('settings', 'set', 'scale', 'anchored10')).code).toBe(0)
    expect((await csi('settings', 'set', 'anonymity-k', '7')).code).toBe(0)
    const keyed = (await csi('settings', 'show')).stdout
    expect(keyed).toContain('strength ≥ 7.5, adequate ≥ 6')
    expect(keyed).toContain('Scale: anchored10')
    expect(keyed).toContain('groups of at least 7, comments of at least 12')
  })

  test('a bad option is named, and nothing is saved', async () => {
    const csi = csiWithDatabase()
    const bad = async (...args: string[]) => {
      const out = await csi('settings', 'set', ...args)
      expect(out.code).toBe(1)
      return out.stderr
    }
    expect(await bad('--strength', '11')).toBe(
      'csi: --strength: "11" must be a number from 0 to 10 with at most one decimal\n',
    )
    expect(await bad('--strength', 'high')).toMatch(/^csi: --strength: "high" /)
    expect(await bad('--adequate', '7.25')).toMatch(/^csi: --adequate: "7.25" must be a number/)
    // 8 is the stored strength: adequate 8 is not below it.
    expect(await bad('--adequate', '8')).toBe('csi: --adequate: "8" must be below strength\n')
    expect(await bad('--scale', 'log')).toMatch(/^csi: --scale: "log" must be one of linear/)
    expect(await bad('--min-group', '2')).toBe(
      'csi: --min-group: "2" must be a whole number from 3 to 50\n',
    )
    expect(await bad('--strength', '9', '--min-group', '2')).toMatch(/^csi: --min-group/)
    expect(await bad()).toMatch(/give at least one of --strength/)
    expect(await bad('bands', '8')).toMatch(/^csi: bands: "8" must be two different scores/)
    expect(await bad('anonymity-k', '2')).toBe(
      'csi: anonymity-k: "2" must be a whole number from 3 to 50\n',
    )
    expect(await bad('theme', 'dark')).toMatch(/^csi: <key>: "theme" is not one of bands, scale/)
    expect(await bad('scale')).toBe('csi: <value>: give the value of scale\n')
    expect((await csi('settings', 'show')).stdout).toContain('strength ≥ 8, adequate ≥ 7')
  })
})

describe('csi report --wave', () => {
  test('bands by the programme’s cut-offs: 7.5 is adequate under 8 / 7, a strength from 7.5', async () => {
    const csi = csiWithDatabase()
    const wave = JSON.parse(
      (await csi('wave', 'create', '--survey', 'customer', '--name', 'R', '--open', '--json'))
        .stdout,
    )
    const token = wave.link.split('/s/')[1]
    const store = openDatabase(csi.env.DATABASE_PATH)
    const app = createApp({
      store: () => store,
      config: () => ({
        runtime: 'node',
        publicUrl: 'http://localhost:8787',
        bodyLimit: 1e6,
        authSecret: 'x'.repeat(32),
        tokenRateLimit: 0,
      }),
      asset: async () => null,
    })
    // Overall 4 of 5 from everyone: (4 − 1) / 4 × 10 = 7.5 on /10.
    for (let i = 0; i < 3; i++) {
      const res = await app.request(
        `/api/links/${token}/responses`,
        json(submission(makeCustomerAnswers({ overall: 4 }))),
      )
      expect(res.status).toBe(201)
    }
    store.close()
    const overall = async () =>
      JSON.parse((await csi('report', '--wave', wave.id, '--format', 'json')).stdout).groups[0].csi
        .components.overall
    expect(await overall()).toMatchObject({ score10: 7.5, band: 'adequate' })
    await csi('settings', 'set', '--strength', '7.5', '--adequate', '6')
    expect(await overall()).toMatchObject({ score10: 7.5, band: 'strength' })
  })
})

describe('csi report --bands', () => {
  const csiCsi = async (...args: string[]) => {
    const out = await runCsi(['report', fixture, '--format', 'json', ...args])
    expect(out.stderr).toBe('')
    return JSON.parse(out.stdout)
  }
  const customerCsi = (r: any) =>
    r.groups.find((g: any) => g.audience === 'customer' && !g.segment).csi

  test('moves the bands of a file report: the customers’ 6.875 is a concern under 8,7', async () => {
    expect(customerCsi(await csiCsi())).toMatchObject({ score10: 6.875, band: 'concern' })
    expect(customerCsi(await csiCsi('--bands', '7,6'))).toMatchObject({ band: 'adequate' })
    expect(customerCsi(await csiCsi('--bands', '6.8, 6'))).toMatchObject({ band: 'strength' })
    // SPEC §5.2 writes <low>,<high>: the same two cut-offs either way round.
    expect(customerCsi(await csiCsi('--bands', '6,7'))).toMatchObject({ band: 'adequate' })
  })

  test('bad --bands name the option; waves take the programme’s bands', async () => {
    const bad = async (...args: string[]) => {
      const out = await runCsi(['report', ...args])
      expect(out.code).toBe(1)
      return out.stderr
    }
    expect(await bad(fixture, '--bands', '8')).toBe(
      'csi: --bands: "8" must be two different scores from 0 to 10 with at most one decimal, e.g. 8,7 (the higher is strength)\n',
    )
    expect(await bad(fixture, '--bands', '8,7.25')).toMatch(/^csi: --bands: "8,7.25" must be/)
    expect(await bad(fixture, '--bands', '11,7')).toMatch(/^csi: --bands: "11,7" must be/)
    expect(await bad(fixture, '--bands', '7,7')).toMatch(
      /^csi: --bands: "7,7" must be two different/,
    )
    expect(await bad('--wave', 'w1', '--bands', '7,6')).toBe(
      'csi: --bands: applies to CSV files only, not to --wave\n',
    )
  })
})
