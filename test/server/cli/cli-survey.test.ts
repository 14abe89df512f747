import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { upsertSurvey } from '../../../server/db/surveys'
import { openDatabase } from '../../../server/node/open-database'
import { json } from '../../api/target'
import { submission } from '../../helpers/answers'
import { csiWithDatabase } from '../../helpers/cli'
import { creatorAnswers, creatorSurvey } from '../../helpers/creator-survey'

function surveyFile(csi: ReturnType<typeof csiWithDatabase>, name: string, definition: unknown) {
  const file = join(dirname(csi.env.DATABASE_PATH), name)
  writeFileSync(file, JSON.stringify(definition))
  return file
}

const map = [
  'overall=q_satisfaction',
  'rebuy=q_again',
  'attributes=service_grid',
  'segments=branch',
]

describe('csi survey', () => {
  test('imports a Creator survey with --map, runs a wave on it and reports the mapped attributes', async () => {
    const csi = csiWithDatabase()
    const file = surveyFile(csi, 'creator.json', creatorSurvey())
    const imported = await csi(
      'survey',
      'import',
      file,
      '--audience',
      'customer',
      '--id',
      'service',
      '--map',
      ...map,
    )
    expect(imported.stderr).toBe('')
    expect(imported).toMatchObject({ code: 0, stdout: 'service v1\n' })

    const list = JSON.parse((await csi('survey', 'list', '--json')).stdout) as Array<
      Record<string, unknown>
    >
    expect(list.map((s) => s.id)).toEqual([
      'customer',
      'employee',
      'retailer',
      'service',
      'wholesaler',
    ])
    expect(list.find((s) => s.id === 'service')).toMatchObject({
      audience: 'customer',
      currentVersion: 1,
      waves: 0,
    })
    const shown = (await csi('survey', 'show', 'service')).stdout
    expect(shown).toContain('overall: q_satisfaction')
    expect(shown).toContain('attributes: delivery, support')
    expect(shown).toContain('segments: branch')

    const wave = JSON.parse(
      (await csi('wave', 'create', '--survey', 'service', '--name', 'Creator', '--open', '--json'))
        .stdout,
    )
    expect(wave).toMatchObject({ survey: 'service', surveyVersion: 1 })
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
    const token = wave.link.split('/s/')[1]
    // delivery 5, 4, 3 (mean 4); support 2, 2, 2 (mean 2); satisfaction 5, 4, 3 (mean 4).
    for (const [satisfaction, delivery] of [
      [5, 5],
      [4, 4],
      [3, 3],
    ] as const) {
      const res = await app.request(
        `/api/links/${token}/responses`,
        json(submission(creatorAnswers(satisfaction, delivery, 2))),
      )
      expect(res.status).toBe(201)
    }
    store.close()
    const report = JSON.parse((await csi('report', '--wave', wave.id, '--format', 'json')).stdout)
    const group = report.groups[0]
    expect(group).toMatchObject({ audience: 'customer', n: 3 })
    const attributes = Object.fromEntries(
      (group.attributes as Array<{ key: string; mean: number }>).map((a) => [a.key, a.mean]),
    )
    expect(attributes).toEqual({ delivery: 4, support: 2 })
    expect(group.csi.components.overall).toMatchObject({ n: 3 })
    const md = (await csi('report', '--wave', wave.id)).stdout
    expect(md).toMatch(/\| delivery +\| +3 \| +4\.00 /)
    expect(md).toMatch(/\| support +\| +3 \| +2\.00 /)

    // Export keeps the mapping; SurveyJS Creator drops it, and the import brings it back.
    const exported = JSON.parse((await csi('survey', 'export', 'service')).stdout)
    expect(exported.csiRoles.overall).toBe('q_satisfaction')
    const { csiRoles: _, ...fromCreator } = exported
    const same = surveyFile(csi, 'same.json', fromCreator)
    expect((await csi('survey', 'import', same, '--id', 'service')).stdout).toBe(
      'service v1 (unchanged)\n',
    )
    const edited = surveyFile(csi, 'edited.json', {
      ...fromCreator,
      title: 'Service feedback 2028',
    })
    expect((await csi('survey', 'import', edited, '--id', 'service')).stdout).toBe('service v2\n')
    expect((await csi('survey', 'show', 'service')).stdout).toContain('overall: q_satisfaction')
    const v1 = JSON.parse((await csi('survey', 'export', 'service', '--version', '1')).stdout)
    expect(v1.title).toBe('Service feedback 2027')
  })

  test('a definition the lint rejects is refused, naming each question, and nothing is stored', async () => {
    const csi = csiWithDatabase()
    const file = surveyFile(csi, 'creator.json', creatorSurvey())
    const unmapped = await csi(
      'survey',
      'import',
      file,
      '--audience',
      'customer',
      '--id',
      'service',
    )
    expect(unmapped.code).toBe(1)
    expect(unmapped.stderr).toMatch(/^csi: .*creator\.json refused, nothing stored:\n {2}overall: /)
    const wrong = await csi(
      'survey',
      'import',
      file,
      '--audience',
      'customer',
      '--id',
      'service',
      '--map',
      'overall=q_missing',
      'attributes=branch',
    )
    expect(wrong.code).toBe(1)
    expect(wrong.stderr).toContain(
      'q_missing: mapped as overall, but the survey has no such question',
    )
    expect(wrong.stderr).toContain('branch: mapped as attributes')
    const role = await csi(
      'survey',
      'import',
      file,
      '--audience',
      'customer',
      '--map',
      'nps=q_again',
    )
    expect(role.stderr).toMatch(/^csi: --map nps=q_again: the role must be one of overall/)
    const audience = await csi('survey', 'import', file, '--audience', 'clients', '--map', ...map)
    expect(audience.stderr).toBe(
      'csi: --audience: "clients" is not one of customer, wholesaler, retailer, employee\n',
    )
    const other = surveyFile(csi, 'other.json', { ...creatorSurvey(), audience: 'employee' })
    const disagree = await csi('survey', 'import', other, '--audience', 'customer', '--map', ...map)
    expect(disagree.stderr).toContain(
      'audience: the definition says "employee", the survey is for customer',
    )
    expect((await csi('survey', 'list')).stdout).not.toContain('service')
    const missing = await csi('survey', 'export', 'service')
    expect(missing).toMatchObject({ code: 1, stderr: 'csi: <id>: no survey "service"\n' })
    const noWave = await csi('wave', 'create', '--survey', 'service', '--name', 'W')
    expect(noWave.stderr).toContain('--survey: no survey "service"')

    // A survey stored without its roles (by hand, or before the checks) runs no wave.
    const store = openDatabase(csi.env.DATABASE_PATH)
    await upsertSurvey(store, {
      id: 'roleless',
      audience: 'customer',
      title: 'Roleless',
      definition: creatorSurvey(),
    })
    store.close()
    const refused = await csi('wave', 'create', '--survey', 'roleless', '--name', 'W')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/^csi: --survey: roleless v1 cannot run a wave: overall: /)
    expect((await csi('survey', 'show', 'roleless')).stdout).toContain(
      'Problems (no wave can run on it):\n  overall: ',
    )
  })
})
