import { describe, expect, test } from 'vitest'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { submitResponse } from '../../../server/responses/submit-response'
import { json } from '../../api/target'
import { makeCustomerAnswers } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>
const origin = { Origin: 'http://localhost:8787' }

async function signedIn(t: App) {
  return {
    admin: { cookie: await signedInAs(t.app, t.store, 'admin'), ...origin },
    hr: { cookie: await signedInAs(t.app, t.store, 'hr'), ...origin },
  }
}

const put = (t: App, headers: Record<string, string>, body: unknown) =>
  t.app.request('/api/settings/bands', { ...json(body, { headers }), method: 'PUT' })

/** A customer wave whose every respondent rates overall 4 of 5: 7.5 on /10 (linear). */
async function waveOfFours(t: App, comments: string[]) {
  const { wave } = await createWave(t.store.db, {
    surveyId: 'customer',
    name: 'Q4',
    opensAt: new Date('2026-10-01'),
  })
  const loaded = (await loadWaveSurvey(t.store.db, wave.id))!
  for (const text of comments)
    await submitResponse(
      t.store,
      { state: 'open', ...loaded, invitation: null },
      {
        data: makeCustomerAnswers({ overall: 4, comments: text }),
        mode: 'web',
        now: new Date(),
        host: 'localhost',
      },
    )
  return wave.id
}

describe('GET/PUT /api/settings/bands', () => {
  test('defaults 8 / 7 linear; an admin changes them; HR only reads', async () => {
    const t = await makeTestApp()
    const { admin, hr } = await signedIn(t)
    const read = async () => (await t.app.request('/api/settings/bands', { headers: hr })).json()
    expect(await read()).toEqual({ strength: 8, adequate: 7, scale: 'linear' })
    const bands = { strength: 7.5, adequate: 6.5, scale: 'proportional' }
    expect((await put(t, hr, bands)).status).toBe(403)
    const saved = await put(t, admin, bands)
    expect(saved.status).toBe(200)
    expect(await saved.json()).toEqual(bands)
    expect(await read()).toEqual(bands)
  })

  test('cut-offs within 0–10 with one decimal, adequate below strength; fields named', async () => {
    const t = await makeTestApp()
    const { admin } = await signedIn(t)
    const issues = async (body: unknown) => {
      const res = await put(t, admin, body)
      expect(res.status).toBe(400)
      return (await res.json()).error.issues
    }
    const range = 'must be a number from 0 to 10 with at most one decimal'
    expect(await issues({ strength: 11, adequate: 7, scale: 'linear' })).toEqual([
      { path: 'strength', message: range },
    ])
    expect(await issues({ strength: 8, adequate: 6.55, scale: 'linear' })).toEqual([
      { path: 'adequate', message: range },
    ])
    expect(await issues({ strength: 7, adequate: 7, scale: 'linear' })).toEqual([
      { path: 'adequate', message: 'must be below strength' },
    ])
    expect((await issues({ strength: 8, adequate: 7, scale: 'log' }))[0].path).toBe('scale')
    expect((await issues({ strength: 8, adequate: 7, scale: 'linear', x: 1 })).length).toBe(1)
  })

  test('the report and the comments band by the programme cut-offs and scale', async () => {
    const t = await makeTestApp()
    const { admin } = await signedIn(t)
    const id = await waveOfFours(t, ['Fine', 'Good'])
    const overall = async () => {
      const report = await (
        await t.app.request(`/api/waves/${id}/report`, { headers: admin })
      ).json()
      return report.groups[0].csi.components.overall
    }
    const commentBands = async () => {
      const body = await (
        await t.app.request(`/api/waves/${id}/comments`, { headers: admin })
      ).json()
      return Object.fromEntries(
        body.bands.map((b: { band: string; comments: unknown[] }) => [b.band, b.comments.length]),
      )
    }
    // Overall 4 of 5 → (4 − 1) / 4 × 10 = 7.5: adequate under the default 8 / 7.
    expect(await overall()).toMatchObject({ score10: 7.5, band: 'adequate' })
    expect((await commentBands()).adequate).toBe(2)

    expect((await put(t, admin, { strength: 7.5, adequate: 6, scale: 'linear' })).status).toBe(200)
    expect(await overall()).toMatchObject({ score10: 7.5, band: 'strength' })
    expect((await commentBands()).strength).toBe(2)

    // Proportional: 4 / 5 × 10 = 8, still a strength; the request's scale wins over the programme's.
    await put(t, admin, { strength: 7.9, adequate: 6, scale: 'proportional' })
    expect(await overall()).toMatchObject({ score10: 8, band: 'strength' })
    const linear = await (
      await t.app.request(`/api/waves/${id}/report?scale=linear`, { headers: admin })
    ).json()
    expect(linear.groups[0].csi.components.overall).toMatchObject({
      score10: 7.5,
      band: 'adequate',
    })
  })
})
