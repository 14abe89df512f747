import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, test } from 'vitest'
import { openApiPath } from '../../../server/openapi/describe-api'
import { makeTestApp } from '../../helpers/app'

type Doc = {
  openapi: string
  paths: Record<string, Record<string, Record<string, any>>>
}

const getDoc = async (app: Awaited<ReturnType<typeof makeTestApp>>['app']) => {
  const res = await app.request('/api/openapi.json')
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return (await res.json()) as Doc
}

describe('GET /api/openapi.json', () => {
  test('describes every /api route the app registers', async () => {
    const { app } = await makeTestApp()
    const doc = await getDoc(app)
    const registered = [
      ...new Set(
        app.routes
          .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
          .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`),
      ),
    ]
    expect(registered.length).toBeGreaterThan(50)
    const missing = registered.filter((key) => {
      const [method, path] = key.split(' ') as [string, string]
      return !doc.paths[path]?.[method]
    })
    expect(missing).toEqual([])
    const described = Object.entries(doc.paths).flatMap(([p, ms]) =>
      Object.keys(ms).map((m) => `${m} ${p}`),
    )
    expect(described.sort()).toEqual(registered.sort())
  })

  test('is a valid OpenAPI 3.1 document', async () => {
    const { app } = await makeTestApp()
    const doc = await getDoc(app)
    expect(doc.openapi).toBe('3.1.0')
    const result = await new Validator().validate(
      doc as unknown as Parameters<Validator['validate']>[0],
    )
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
  })

  test('request shapes come from the zod schemas that validate them', async () => {
    const { app } = await makeTestApp()
    const doc = await getDoc(app)
    const createUser = doc.paths['/api/users']!.post!
    const body = createUser.requestBody.content['application/json'].schema
    expect(body.required).toEqual(['email', 'role'])
    expect(body.properties.role.enum).toEqual(['admin', 'manager', 'hr'])
    expect(createUser['x-roles']).toEqual(['admin'])
    expect(createUser.security).toEqual([{ apiKey: [] }, { session: [] }])
    // Path parameters keep their validator's bounds; queries list each field.
    const invitations = doc.paths['/api/waves/{id}/invitations']!.get!
    const id = invitations.parameters.find((p: { name: string }) => p.name === 'id')
    expect(id).toMatchObject({ in: 'path', required: true, schema: { maxLength: 64 } })
    const limit = invitations.parameters.find((p: { name: string }) => p.name === 'limit')
    expect(limit).toMatchObject({ in: 'query', required: false, schema: { maximum: 100 } })
    // Public routes carry no security requirement.
    expect(doc.paths['/api/health']!.get!.security).toBeUndefined()
  })
})

describe('GET /api/docs', () => {
  test('a readable page with no script, its stylesheet served from this server', async () => {
    const { app } = await makeTestApp()
    const res = await app.request('/api/docs')
    expect(res.status).toBe(200)
    const page = await res.text()
    expect(page).not.toMatch(/<script/i)
    expect(page).not.toMatch(/style=/i)
    expect(page).toContain('<link rel="stylesheet" href="/api/docs/reference.css">')
    expect(page).toContain('<code>/api/waves/{id}/report</code>')
    const css = await app.request('/api/docs/reference.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })
})
