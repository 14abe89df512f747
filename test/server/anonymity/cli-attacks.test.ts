import { describe, expect, test } from 'vitest'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { closeWave } from '../../../server/db/waves'
import { openDatabase } from '../../../server/node/open-database'
import { submitResponse } from '../../../server/responses/submit-response'
import { makeEmployeeAnswers } from '../../helpers/answers'
import { csiWithDatabase } from '../../helpers/cli'

// SPEC §6a: the CLI is no back door. Whoever runs `csi` on the server gets what HR gets.

async function staffWave(csi: ReturnType<typeof csiWithDatabase>, answers: number) {
  const id = (await csi('wave', 'create', '--survey', 'employee', '--name', 'Staff')).stdout.trim()
  const store = openDatabase(csi.env.DATABASE_PATH)
  const loaded = (await loadWaveSurvey(store.db, id))!
  for (let i = 0; i < answers; i++)
    await submitResponse(
      store,
      { state: 'open', ...loaded, invitation: null },
      {
        data: makeEmployeeAnswers({ overall: 1 + (i % 5), comments: `secret ${i}` }),
        mode: 'web',
        now: new Date(),
        host: 'localhost',
      },
    )
  store.close()
  return id
}

async function closeWaveIn(csi: ReturnType<typeof csiWithDatabase>, id: string) {
  const store = openDatabase(csi.env.DATABASE_PATH)
  await closeWave(store.db, id, new Date())
  store.close()
}

describe('employee anonymity against the command line', () => {
  test('csi export of an employee wave is refused and prints no row', async () => {
    const csi = csiWithDatabase()
    const id = await staffWave(csi, 6)
    const out = await csi('export', '--wave', id)
    expect(out.code).toBe(1)
    expect(out.stderr).toContain(`--wave: wave ${id} is an employee survey`)
    expect(out.stdout).not.toContain('secret')
  })

  test('csi report --wave takes no --min-group, pools no employee waves, breaks down one way', async () => {
    const csi = csiWithDatabase()
    const a = await staffWave(csi, 6)
    const b = await staffWave(csi, 1)
    const small = await csi('report', '--wave', a, '--min-group', '3')
    expect(small.code).toBe(1)
    expect(small.stderr).toContain('--min-group: applies to CSV files only')
    const pooled = await csi('report', '--wave', a, '--wave', b)
    expect(pooled.code).toBe(1)
    expect(pooled.stderr).toContain('--with: employee waves are reported one at a time')
    const region = await csi('report', '--wave', a, '--by', 'region', '--format', 'json')
    expect(region.code).toBe(1)
    expect(region.stderr).toContain('--by: an employee wave is broken down only by "department"')
  })

  test('csi report --wave of an employee wave reads its release like the dashboard', async () => {
    const csi = csiWithDatabase()
    const id = await staffWave(csi, 5)
    const first = JSON.parse((await csi('report', '--wave', id, '--format', 'json')).stdout)
    expect(first.release).toMatchObject({ seq: 1, responses: 5 })
    const store = openDatabase(csi.env.DATABASE_PATH)
    const loaded = (await loadWaveSurvey(store.db, id))!
    await submitResponse(
      store,
      { state: 'open', ...loaded, invitation: null },
      {
        data: makeEmployeeAnswers({ overall: 1 }),
        mode: 'web',
        now: new Date(),
        host: 'localhost',
      },
    )
    store.close()
    const second = JSON.parse((await csi('report', '--wave', id, '--format', 'json')).stdout)
    expect(second.groups).toEqual(first.groups)
    expect(second.release).toMatchObject({ seq: 1, responses: 5, pending: true })
  })

  test('csi report --wave prints the release and the staff attitude table in markdown', async () => {
    const csi = csiWithDatabase()
    const id = await staffWave(csi, 6)
    await closeWaveIn(csi, id)
    const out = await csi('report', '--wave', id)
    expect(out.code).toBe(0)
    expect(out.stdout).toContain('Employee results: final release (6 responses')
    expect(out.stdout).toContain('## Staff attitude')
    // makeEmployeeAnswers rates pride 5 for everyone: mean 5.00, top-2 100%.
    const pride = out.stdout.split('\n').find((l) => l.includes('I am proud to work'))
    expect(pride).toMatch(/\|\s+6 \|\s+5\.00 \|/)
    expect(out.stdout).not.toContain('CSI withheld')
  })
})
