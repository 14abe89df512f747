import { describe, expect, test } from 'vitest'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { submitResponse } from '../../../server/responses/submit-response'
import { makeCustomerAnswers } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

// A wave weighted to its population (SPEC §5.4) through the API, worked by hand:
// CSI-2 per respondent = overall (rebuy equal): north 5, 5, 4 (mean 14/3), south 2, 3 (2.5);
// population 50/50 → 0.5·14/3 + 0.5·2.5 = 43/12; unweighted (14 + 5)/5 = 3.8.
describe('a wave population: PUT/GET/DELETE and the weighted report', () => {
  test('post-stratified report with the unweighted one beside it; bad files named', async () => {
    const t = await makeTestApp()
    const { wave } = await createWave(t.store.db, { surveyId: 'customer', name: 'W' })
    const loaded = (await loadWaveSurvey(t.store.db, wave.id))!
    const answers = [
      [5, 'north'],
      [5, 'north'],
      [4, 'north'],
      [2, 'south'],
      [3, 'south'],
    ] as const
    for (const [v, region] of answers)
      await submitResponse(
        t.store,
        { state: 'open', ...loaded, invitation: null },
        {
          data: makeCustomerAnswers({ overall: v, rebuy: v, region }),
          mode: 'web',
          now: new Date(),
          host: 'localhost',
        },
      )
    const manager = await signedInAs(t.app, t.store, 'manager')
    const send = (method: string, body?: unknown) =>
      t.app.request(`/api/waves/${wave.id}/population`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          Cookie: manager,
          Origin: t.config.publicUrl,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    const report = async () =>
      (await t.app.request(`/api/waves/${wave.id}/report`, { headers: { Cookie: manager } })).json()

    const bad = await send('PUT', { csv: 'region,share\nnorth,50\nsouth,x\n' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toBe(
      'population: population file row 3, column "share": "x" must be a number above 0',
    )
    const unknown = await send('PUT', { csv: 'country,share\nde,1\n' })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error.message).toMatch(/"country" is not a segment question/)

    const put = await send('PUT', { csv: 'region,share\nnorth,50\nsouth,50\n' })
    expect(put.status, await put.clone().text()).toBe(200)
    expect(await put.json()).toMatchObject({ variables: ['region'], form: 'cells', trimAt: 5 })
    const r = await report()
    const g = r.groups.find((x: { segment: unknown }) => x.segment === null)
    expect(g.weighting).toMatchObject({ method: 'post-stratification', n: 5, trimmed: 0 })
    expect(Math.abs(g.csi.mean - 43 / 12)).toBeLessThan(1e-12)
    expect(g.unweighted.csi.mean).toBeCloseTo(3.8, 12)
    expect(r.population).toEqual({ variables: ['region'], trimAt: 5 })

    expect((await send('DELETE')).status).toBe(200)
    const after = await report()
    expect(after.groups[0].weighting).toBeUndefined()
    expect(after.population).toBeNull()
  })
})
