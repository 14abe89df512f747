import { describe, expect, test } from 'vitest'
import { json } from '../../api/target'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

describe('GET/PUT /api/settings/anonymity', () => {
  test('defaults 5 and 10; an admin changes them; HR and managers only read', async () => {
    const t = await makeTestApp()
    const admin = {
      cookie: await signedInAs(t.app, t.store, 'admin'),
      Origin: 'http://localhost:8787',
    }
    const hr = { cookie: await signedInAs(t.app, t.store, 'hr'), Origin: 'http://localhost:8787' }
    const read = async (headers: Record<string, string>) =>
      (await t.app.request('/api/settings/anonymity', { headers })).json()
    expect(await read(hr)).toEqual({ minGroup: 5, minComments: 10, floor: 3 })

    const put = (headers: Record<string, string>, body: unknown) =>
      t.app.request('/api/settings/anonymity', { ...json(body, { headers }), method: 'PUT' })
    expect((await put(hr, { minGroup: 7, minComments: 12 })).status).toBe(403)
    const saved = await put(admin, { minGroup: 7, minComments: 12 })
    expect(saved.status).toBe(200)
    expect(await read(hr)).toEqual({ minGroup: 7, minComments: 12, floor: 3 })
  })

  test('never below the floor of 3; comments never below the group threshold; fields named', async () => {
    const t = await makeTestApp()
    const admin = {
      cookie: await signedInAs(t.app, t.store, 'admin'),
      Origin: 'http://localhost:8787',
    }
    const put = (body: unknown) =>
      t.app.request('/api/settings/anonymity', { ...json(body, { headers: admin }), method: 'PUT' })
    const low = await put({ minGroup: 2, minComments: 10 })
    expect(low.status).toBe(400)
    expect((await low.json()).error.issues).toEqual([
      { path: 'minGroup', message: 'must be a whole number from 3 to 50' },
    ])
    const inverted = await put({ minGroup: 8, minComments: 6 })
    expect(inverted.status).toBe(400)
    expect((await inverted.json()).error.issues[0].path).toBe('minComments')
    const unknown = await put({ minGroup: 5, minComments: 10, k: 1 })
    expect(unknown.status).toBe(400)
  })
})
