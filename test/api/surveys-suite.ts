import { describe, expect, test } from 'vitest'
import { upsertSurvey } from '../../server/db/surveys'
import { creatorAnswers, creatorMapping, creatorSurvey } from '../helpers/creator-survey'
import { submission } from '../helpers/answers'
import type { ApiTarget } from './target'
import { json } from './target'

type Issue = { path: string; message: string }
type ErrorBody = { error: { code: string; message: string; issues?: Issue[] } }

/**
 * The programme's surveys on both runtimes (SPEC §3): import, versions, refusals naming the
 * question, who may manage which audience, export, and waves pinned to their version. The
 * workerd database is shared by the whole file, so every survey id is new.
 */
export function surveysSuite(target: () => ApiTarget) {
  const uniqueId = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`
  const signIn = async (role: 'admin' | 'manager' | 'hr') => {
    const user = { email: `${crypto.randomUUID()}@example.com`, role, password: 'correct horse' }
    await target().createUser(user)
    const res = await target().fetch(
      '/api/auth/sign-in/email',
      json(user, { headers: { Origin: target().origin } }),
    )
    expect(res.status).toBe(200)
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const call = (method: string, path: string, body?: unknown) =>
      target().fetch(path, {
        method,
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
    return {
      get: (path: string) => call('GET', path),
      post: (path: string, body: unknown) => call('POST', path, body),
      put: (path: string, body: unknown) => call('PUT', path, body),
    }
  }
  type Client = Awaited<ReturnType<typeof signIn>>
  const detail = async (as: Client, id: string) => {
    const res = await as.get(`/api/surveys/${id}`)
    expect(res.status).toBe(200)
    return (await res.json()) as {
      survey: { id: string; currentVersion: number; title: string }
      versions: Array<{ version: number; waves: number }>
      definition: Record<string, unknown>
      mapping: unknown
      roles: { overall: string | null; rebuy: string | null; attributes: Array<{ key: string }> }
      problems: Issue[]
    }
  }

  describe('POST /api/surveys, PUT /api/surveys/:id', () => {
    test('a Creator survey with a mapping is stored, listed, shown; a new version only when it changed', async () => {
      const manager = await signIn('manager')
      const id = uniqueId('service')
      const created = await manager.post('/api/surveys', {
        id,
        audience: 'customer',
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      expect(created.status).toBe(201)
      expect(await created.json()).toEqual({ id, version: 1, created: true })

      const list = await manager.get('/api/surveys')
      expect(list.status).toBe(200)
      const { surveys } = (await list.json()) as { surveys: Array<Record<string, unknown>> }
      expect(surveys.find((s) => s.id === id)).toMatchObject({
        audience: 'customer',
        title: 'Service feedback 2027',
        currentVersion: 1,
        versions: 1,
        waves: 0,
      })
      expect(surveys.some((s) => s.audience === 'employee')).toBe(false)

      const shown = await detail(manager, id)
      expect(shown.mapping).toEqual(creatorMapping)
      expect(shown.definition.csiRoles).toEqual(creatorMapping)
      expect(shown.roles).toMatchObject({ overall: 'q_satisfaction', rebuy: 'q_again' })
      expect(shown.roles.attributes.map((a) => a.key)).toEqual(['delivery', 'support'])
      expect(shown.problems).toEqual([])

      // As SurveyJS Creator saves it: no csiRoles. The mapping carries over, so nothing changed.
      const same = await manager.put(`/api/surveys/${id}`, { definition: creatorSurvey() })
      expect(same.status).toBe(200)
      expect(await same.json()).toEqual({ id, version: 1, created: false })

      const changed = await manager.put(`/api/surveys/${id}`, {
        definition: creatorSurvey('Service feedback 2028'),
      })
      expect(changed.status).toBe(200)
      expect(await changed.json()).toEqual({ id, version: 2, created: true })
      const after = await detail(manager, id)
      expect(after.mapping).toEqual(creatorMapping)
      expect(after.versions.map((v) => v.version)).toEqual([1, 2])
      const first = await manager.get(`/api/surveys/${id}/versions/1`)
      expect(first.status).toBe(200)
      expect(((await first.json()) as { definition: { title: string } }).definition.title).toBe(
        'Service feedback 2027',
      )
      expect((await manager.get(`/api/surveys/${id}/versions/3`)).status).toBe(404)
    })

    test('the id defaults to a slug of the title; an existing id is a conflict naming PUT', async () => {
      const admin = await signIn('admin')
      const title = `Händler Umfrage ${crypto.randomUUID().slice(0, 6)}`
      const res = await admin.post('/api/surveys', {
        audience: 'retailer',
        title,
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      expect(res.status).toBe(201)
      const { id } = (await res.json()) as { id: string }
      expect(id).toMatch(/^handler-umfrage-[a-z0-9-]+$/)
      const again = await admin.post('/api/surveys', {
        id,
        audience: 'retailer',
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      expect(again.status).toBe(409)
      expect(((await again.json()) as ErrorBody).error.message).toContain(`PUT /api/surveys/${id}`)
      const badId = await admin.post('/api/surveys', {
        id: '9lives',
        audience: 'retailer',
        definition: creatorSurvey(),
      })
      expect(badId.status).toBe(400)
      expect(((await badId.json()) as ErrorBody).error.issues?.[0]?.path).toBe('id')
    })

    test('refusals name the question or role, and store nothing', async () => {
      const manager = await signIn('manager')
      const id = uniqueId('refused')
      const paths = async (res: Response) => {
        expect(res.status).toBe(400)
        const body = (await res.json()) as ErrorBody
        expect(body.error.code).toBe('BAD_REQUEST')
        return body.error.issues!.map((i) => i.path)
      }
      // No overall question and no mapping: the role a customer wave needs is missing.
      const unmapped = { id, audience: 'customer', definition: creatorSurvey() }
      expect(await paths(await manager.post('/api/surveys', unmapped))).toEqual(['overall'])
      const missing = { ...unmapped, mapping: { ...creatorMapping, overall: 'q_missing' } }
      expect(await paths(await manager.post('/api/surveys', missing))).toEqual(['q_missing'])
      const scale = creatorSurvey()
      ;(
        scale.pages as Array<{ elements: Array<Record<string, unknown>> }>
      )[0]!.elements[0]!.rateMax = 10
      const wide = { ...unmapped, definition: scale, mapping: creatorMapping }
      expect(await paths(await manager.post('/api/surveys', wide))).toContain('q_satisfaction')
      const other = { ...creatorSurvey(), audience: 'wholesaler' }
      const disagree = { ...unmapped, definition: other, mapping: creatorMapping }
      expect(await paths(await manager.post('/api/surveys', disagree))).toEqual(['audience'])
      expect((await manager.get(`/api/surveys/${id}`)).status).toBe(404)

      const ok = { ...unmapped, mapping: creatorMapping }
      expect((await manager.post('/api/surveys', ok)).status).toBe(201)
      const dropped = await manager.put(`/api/surveys/${id}`, {
        definition: creatorSurvey('v2'),
        mapping: null,
      })
      expect(await paths(dropped)).toEqual(['overall'])
      expect((await detail(manager, id)).survey.currentVersion).toBe(1)
    })

    test('POST /api/surveys/check lints without storing, with the candidates for each role', async () => {
      const manager = await signIn('manager')
      const check = async (body: unknown) => {
        const res = await manager.post('/api/surveys/check', body)
        expect(res.status).toBe(200)
        return (await res.json()) as {
          ok: boolean
          problems: Issue[]
          roles: { overall: string | null }
          candidates: Record<string, Array<{ name: string }>>
        }
      }
      const bare = await check({ audience: 'customer', definition: creatorSurvey() })
      expect(bare.ok).toBe(false)
      expect(bare.problems.map((p) => p.path)).toEqual(['overall'])
      expect(bare.candidates.overall!.map((q) => q.name)).toEqual(['q_satisfaction', 'q_again'])
      expect(bare.candidates.attributes!.map((q) => q.name)).toContain('service_grid')
      const mapped = await check({
        audience: 'customer',
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      expect(mapped).toMatchObject({ ok: true, problems: [], roles: { overall: 'q_satisfaction' } })
      // A real SurveyJS JSON runs to hundreds of kilobytes: over the API's usual limit.
      const title = `Checked only ${crypto.randomUUID()}`
      const big = { ...creatorSurvey(title), description: 'x'.repeat(600_000) }
      const large = await check({ audience: 'customer', definition: big, mapping: creatorMapping })
      expect(large.ok).toBe(true)
      const list = (await (await manager.get('/api/surveys')).json()) as { surveys: unknown[] }
      expect(JSON.stringify(list)).not.toContain(title)
    })
  })

  describe('who manages which surveys', () => {
    test('HR cannot create or see customer surveys; a manager cannot see employee ones', async () => {
      const hr = await signIn('hr')
      const manager = await signIn('manager')
      const id = uniqueId('cust')
      const refused = await hr.post('/api/surveys', {
        id,
        audience: 'customer',
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      expect(refused.status).toBe(403)
      expect((await manager.get(`/api/surveys/${id}`)).status).toBe(404)
      const mine = await manager.post('/api/surveys', {
        id,
        audience: 'customer',
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      expect(mine.status).toBe(201)
      expect((await hr.get(`/api/surveys/${id}`)).status).toBe(403)
      expect((await hr.put(`/api/surveys/${id}`, { definition: creatorSurvey('x') })).status).toBe(
        403,
      )
      expect((await hr.get(`/api/surveys/${id}/export`)).status).toBe(403)
      const hrList = (await (await hr.get('/api/surveys')).json()) as {
        surveys: Array<{ id: string; audience: string }>
      }
      expect(hrList.surveys.map((s) => s.audience)).toEqual(hrList.surveys.map(() => 'employee'))
      expect(hrList.surveys.map((s) => s.id)).toContain('employee')
      expect((await manager.get('/api/surveys/employee')).status).toBe(403)
      expect((await hr.get('/api/surveys/employee')).status).toBe(200)
    })
  })

  describe('GET /api/surveys/:id/export', () => {
    test('downloads SurveyJS JSON with its mapping, which imports back with the same roles', async () => {
      const admin = await signIn('admin')
      const id = uniqueId('exported')
      await admin.post('/api/surveys', {
        id,
        audience: 'wholesaler',
        definition: creatorSurvey(),
        mapping: creatorMapping,
      })
      const res = await admin.get(`/api/surveys/${id}/export?version=1`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${id}-v1.json"`)
      const exported = (await res.json()) as Record<string, unknown>
      expect(exported.csiRoles).toEqual(creatorMapping)
      expect(exported.pages).toEqual(creatorSurvey().pages)
      const copy = uniqueId('copy')
      const back = await admin.post('/api/surveys', {
        id: copy,
        audience: 'wholesaler',
        definition: exported,
      })
      expect(back.status).toBe(201)
      expect((await detail(admin, copy)).mapping).toEqual(creatorMapping)
      expect((await admin.get(`/api/surveys/${id}/export?version=2`)).status).toBe(404)
    })
  })

  describe('waves and survey versions', () => {
    test('a wave answers the version it was created with; respondents never see csiRoles', async () => {
      const manager = await signIn('manager')
      const id = uniqueId('pinned')
      await manager.post('/api/surveys', {
        id,
        audience: 'customer',
        definition: creatorSurvey('First wording'),
        mapping: creatorMapping,
      })
      const waveRes = await manager.post('/api/waves', { surveyId: id, name: 'V1', openLink: true })
      expect(waveRes.status).toBe(201)
      const wave = (await waveRes.json()) as { wave: { id: string }; openLink: string }
      const token = wave.openLink.split('/s/')[1]!
      const v2 = await manager.put(`/api/surveys/${id}`, {
        definition: creatorSurvey('Second wording'),
      })
      expect(((await v2.json()) as { version: number }).version).toBe(2)

      const link = await target().fetch(`/api/links/${token}`)
      expect(link.status).toBe(200)
      const served = (await link.json()) as {
        survey: { version: number; definition: Record<string, unknown> }
      }
      expect(served.survey.version).toBe(1)
      expect(served.survey.definition.title).toBe('First wording')
      expect(served.survey.definition).not.toHaveProperty('csiRoles')
      const answered = await target().fetch(
        `/api/links/${token}/responses`,
        json(submission(creatorAnswers(5, 4, 2))),
      )
      expect(answered.status).toBe(201)

      const later = await manager.post('/api/waves', { surveyId: id, name: 'V2' })
      expect(((await later.json()) as { wave: { surveyVersion: number } }).wave.surveyVersion).toBe(
        2,
      )
      const versions = (await detail(manager, id)).versions
      expect(versions).toEqual([
        expect.objectContaining({ version: 1, waves: 1 }),
        expect.objectContaining({ version: 2, waves: 1 }),
      ])
    })

    test('a wave is refused on a survey whose current version lacks the roles, naming them', async () => {
      const manager = await signIn('manager')
      const id = uniqueId('roleless')
      // Stored before the checks existed (or by hand): a survey without its roles.
      await upsertSurvey(target().store, {
        id,
        audience: 'customer',
        title: 'Roleless',
        definition: creatorSurvey(),
      })
      const res = await manager.post('/api/waves', { surveyId: id, name: 'Never' })
      expect(res.status).toBe(400)
      const body = (await res.json()) as ErrorBody
      expect(body.error.issues?.map((i) => i.path)).toEqual(['overall'])
      expect(body.error.message).toContain(`${id} v1 cannot run a wave`)
      expect((await detail(manager, id)).problems.map((p) => p.path)).toEqual(['overall'])
    })
  })
}
