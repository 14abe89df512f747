import { describe, expect, test } from 'vitest'
import { getSurvey, getSurveyVersion } from '../../../server/db/surveys'
import type { CatalogueItem } from '../../../server/surveys/catalogue-items'
import { starterCatalogue } from '../../../server/surveys/starter-catalogue'
import { surveyRoles } from '../../../server/surveys/survey-roles'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>
type Role = 'admin' | 'manager' | 'hr'

async function as(t: App, role: Role) {
  const cookie = await signedInAs(t.app, t.store, role)
  const call = (method: string, path: string, body?: unknown) =>
    t.app.request(path, {
      method,
      headers: { cookie, Origin: 'http://localhost:8787', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  return {
    get: (path: string) => call('GET', path),
    put: (path: string, body: unknown) => call('PUT', path, body),
    post: (path: string, body: unknown) => call('POST', path, body),
  }
}

const item = (key: string, audiences: string[], more: Partial<CatalogueItem> = {}) => ({
  key,
  kind: 'attribute',
  label: `Label of ${key}`,
  description: null,
  audiences,
  ...more,
})

describe('GET/PUT /api/catalogue', () => {
  test('offers the starter catalogue until one is saved; managers and admins save, HR reads', async () => {
    const t = await makeTestApp()
    expect((await t.app.request('/api/catalogue')).status).toBe(401)
    expect((await t.app.request('/api/catalogue/csv')).status).toBe(401)
    const hr = await as(t, 'hr')
    const first = await hr.get('/api/catalogue')
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ items: starterCatalogue(), saved: false })

    const items = [
      item('speed', ['employee', 'customer', 'customer']),
      item('pride', ['employee'], { kind: 'attitude', description: '  Proud to work here ' }),
    ]
    expect((await hr.put('/api/catalogue', { items })).status).toBe(403)
    const manager = await as(t, 'manager')
    const saved = await manager.put('/api/catalogue', { items })
    expect(saved.status).toBe(200)
    const expected = [
      { ...item('speed', ['customer', 'employee']) },
      { ...item('pride', ['employee'], { kind: 'attitude', description: 'Proud to work here' }) },
    ]
    expect(await saved.json()).toEqual({ items: expected, saved: true })
    expect(await (await hr.get('/api/catalogue')).json()).toEqual({ items: expected, saved: true })
  })

  test('refuses the whole list naming each bad item and field; nothing is saved', async () => {
    const t = await makeTestApp()
    const admin = await as(t, 'admin')
    const res = await admin.put('/api/catalogue', {
      items: [
        item('Speed', ['customer']),
        item('speed', []),
        item('speed', ['customer'], { label: ' ' }),
        item('pride', ['customer', 'employee'], { kind: 'attitude' }),
        item('tools', ['customer'], { kind: 'mood' as never }),
      ],
    })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.issues).toEqual([
      { path: 'items.0.key', message: expect.stringMatching(/lower_snake_case/) },
      { path: 'items.1.audiences', message: 'tick at least one audience' },
      { path: 'items.2.label', message: 'needs a label' },
      { path: 'items.3.audiences', message: expect.stringMatching(/employees only/) },
      { path: 'items.4.kind', message: 'must be attribute or attitude' },
    ])
    const dup = await admin.put('/api/catalogue', {
      items: [item('speed', ['customer']), item('speed', ['employee'])],
    })
    expect((await dup.json()).error.issues).toEqual([
      { path: 'items.1.key', message: '"speed" is already used above; keys must be unique' },
    ])
    const none = await admin.put('/api/catalogue', {
      items: [item('pride', ['employee'], { kind: 'attitude' })],
    })
    expect((await none.json()).error.issues).toEqual([
      { path: 'items', message: 'needs at least one attribute to rate' },
    ])
    expect((await (await admin.get('/api/catalogue')).json()).saved).toBe(false)
  })
})

describe('GET/POST /api/catalogue/csv', () => {
  test('an export imports back to the same catalogue, formula-looking cells included', async () => {
    const t = await makeTestApp()
    const admin = await as(t, 'admin')
    const items = [
      item('speed', ['customer', 'retailer'], {
        label: '=Speed, "fast"',
        description: '-10% of days\nlate',
      }),
      item('trade_terms', ['wholesaler', 'retailer'], { label: '@Terms' }),
      item('pride', ['employee'], { kind: 'attitude', label: '+Pride' }),
    ]
    expect((await admin.put('/api/catalogue', { items })).status).toBe(200)
    const exported = await admin.get('/api/catalogue/csv')
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(exported.headers.get('content-disposition')).toMatch(/attribute-catalogue\.csv/)
    const csv = await exported.text()
    expect(csv.split('\r\n')[0]).toBe(
      'key,kind,label,description,customer,wholesaler,retailer,employee',
    )
    expect(csv).toContain(`"'=Speed, ""fast"""`)
    expect(csv).not.toMatch(/(^|,)[=+@-]/m)

    expect(
      (await admin.put('/api/catalogue', { items: [item('other', ['customer'])] })).status,
    ).toBe(200)
    const imported = await admin.post('/api/catalogue/csv', { csv })
    expect(imported.status).toBe(200)
    expect((await imported.json()).items).toEqual(items)
  })

  test('reports every bad row as a spreadsheet row (header = row 1), and imports nothing', async () => {
    const t = await makeTestApp()
    const manager = await as(t, 'manager')
    const csv = [
      'Key;Label;Kind;Customer;Wholesaler;Retailer;Employee',
      'speed;Speed;attribute;yes;;;x',
      'Bad Key;Bad;attribute;yes;;;',
      '',
      'terms;;attribute;maybe;;;',
      'speed;Again;attribute;;yes;;',
    ].join('\n')
    const res = await manager.post('/api/catalogue/csv', { csv })
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.issues).toEqual([
      { path: 'row 3.key', message: expect.stringMatching(/lower_snake_case/) },
      { path: 'row 5.customer', message: '"maybe" is neither yes nor blank' },
      { path: 'row 5.label', message: 'needs a label' },
    ])
    expect(error.message).toMatch(/^Nothing imported: row 3\.key/)
    const dup = await manager.post('/api/catalogue/csv', {
      csv: 'key,label,customer,wholesaler,retailer,employee\nspeed,A,yes,,,\n\nspeed,B,yes,,,\n',
    })
    expect((await dup.json()).error.issues).toEqual([
      { path: 'row 4.key', message: '"speed" is already used above; keys must be unique' },
    ])
    const header = await manager.post('/api/catalogue/csv', { csv: 'key,label\nspeed,Speed\n' })
    expect((await header.json()).error.issues).toEqual([
      { path: 'row 1', message: 'the header lacks customer, wholesaler, retailer, employee' },
    ])
    expect((await (await manager.get('/api/catalogue')).json()).saved).toBe(false)
    const hr = await as(t, 'hr')
    expect((await hr.post('/api/catalogue/csv', { csv })).status).toBe(403)
  })
})

describe('POST /api/catalogue/build and /publish', () => {
  test('build shows the keys added and dropped against the current version and stores nothing', async () => {
    const t = await makeTestApp()
    const manager = await as(t, 'manager')
    const items = [
      ...starterCatalogue().filter((i) => i.key !== 'order_accuracy'),
      item('invoice_accuracy', ['customer', 'employee']),
    ]
    expect((await manager.put('/api/catalogue', { items })).status).toBe(200)
    const res = await manager.post('/api/catalogue/build', { audience: 'customer' })
    expect(res.status).toBe(200)
    const built = await res.json()
    expect(built.problems).toEqual([])
    expect(built.changes).toEqual({ added: ['invoice_accuracy'], dropped: ['order_accuracy'] })
    expect(built.current).toEqual({ version: 1, title: 'Customer satisfaction survey' })
    const roles = surveyRoles(built.definition)
    expect(roles.importance).toContain('invoice_accuracy')
    expect(roles.segments).toEqual(['region', 'customer_size'])
    expect((await getSurvey(t.db, 'customer'))!.currentVersion).toBe(1)
  })

  test('publish stores a new version, once; the survey answers with the new keys', async () => {
    const t = await makeTestApp()
    const admin = await as(t, 'admin')
    const items = [...starterCatalogue(), item('invoice_accuracy', ['customer', 'wholesaler'])]
    await admin.put('/api/catalogue', { items })
    const res = await admin.post('/api/catalogue/publish', {
      audience: 'wholesaler',
      title: 'Partners 2027',
    })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      id: 'wholesaler',
      version: 2,
      created: true,
      changes: { added: ['invoice_accuracy'], dropped: [] },
    })
    const stored = (await getSurveyVersion(t.db, 'wholesaler', 2))!
    expect(surveyRoles(stored.definition).attributes.map((a) => a.key)).toContain(
      'invoice_accuracy',
    )
    expect((await getSurvey(t.db, 'wholesaler'))!.title).toBe('Partners 2027')
    const again = await admin.post('/api/catalogue/publish', {
      audience: 'wholesaler',
      title: 'Partners 2027',
    })
    expect(await again.json()).toMatchObject({ version: 2, created: false })
    const rebuilt = await admin.post('/api/catalogue/build', { audience: 'wholesaler' })
    expect((await rebuilt.json()).definition.title).toBe('Partners 2027')
    const fresh = await admin.post('/api/catalogue/publish', {
      audience: 'retailer',
      surveyId: 'retail-2027',
    })
    expect(await fresh.json()).toMatchObject({ id: 'retail-2027', version: 1, created: true })
  })

  test('HR builds only the employee survey, managers all but it; wrong audience and problems refused', async () => {
    const t = await makeTestApp()
    const hr = await as(t, 'hr')
    const manager = await as(t, 'manager')
    expect((await hr.post('/api/catalogue/build', { audience: 'customer' })).status).toBe(403)
    expect((await manager.post('/api/catalogue/publish', { audience: 'employee' })).status).toBe(
      403,
    )
    const employee = await hr.post('/api/catalogue/publish', {
      audience: 'employee',
      departments: ['Field sales', 'Warehouse'],
    })
    expect(employee.status).toBe(200)
    expect(await employee.json()).toMatchObject({ id: 'employee', version: 2, created: true })
    const kept = await (await hr.post('/api/catalogue/build', { audience: 'employee' })).json()
    const department = kept.definition.pages
      .flatMap((p: { elements: Array<{ name: string }> }) => p.elements)
      .find((q: { name: string }) => q.name === 'department')
    expect(department.choices.map((c: { text: string }) => c.text)).toEqual([
      'Field sales',
      'Warehouse',
      'Prefer not to say',
    ])

    const wrong = await manager.post('/api/catalogue/build', {
      audience: 'customer',
      surveyId: 'retailer',
    })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).error.issues).toEqual([
      { path: 'surveyId', message: 'is a retailer survey, not customer' },
    ])
    const sameArea = await hr.post('/api/catalogue/build', {
      audience: 'employee',
      departments: ['Sales', 'sales '],
    })
    expect((await sameArea.json()).error.issues).toEqual([
      { path: 'departments.1', message: 'is the same area as another' },
    ])

    await manager.put('/api/catalogue', { items: [item('trade_terms', ['wholesaler'])] })
    const built = await (
      await manager.post('/api/catalogue/build', { audience: 'customer' })
    ).json()
    expect(built.problems).toEqual([expect.stringMatching(/^attributes: /)])
    const refused = await manager.post('/api/catalogue/publish', { audience: 'customer' })
    expect(refused.status).toBe(400)
    expect((await refused.json()).error.issues).toEqual([
      { path: 'attributes', message: expect.stringMatching(/no attribute found/) },
    ])
    expect((await getSurvey(t.db, 'customer'))!.currentVersion).toBe(1)
  })
})
