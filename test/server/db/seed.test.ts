import { describe, expect, test } from 'vitest'
import { createApp } from '../../../server/app'
import { seedDatabase } from '../../../server/db/seed'
import { getSurvey, getSurveyVersion, listSurveys, upsertSurvey } from '../../../server/db/surveys'
import { verifyPassword } from 'better-auth/crypto'
import { findPasswordHash, findUserByEmail } from '../../../server/db/users'
import { openDatabase } from '../../../server/node/open-database'
import { shippedSurveys } from '../../../server/surveys'
import { atomicSuite } from '../../api/atomic-suite'

describe('seedDatabase()', () => {
  test('first start loads the four surveys and generates an admin password once', async () => {
    const store = openDatabase(':memory:')
    const first = await seedDatabase(store, {
      surveys: shippedSurveys,
      generateAdminPassword: true,
    })
    expect((await listSurveys(store.db)).map((s) => [s.id, s.audience, s.currentVersion])).toEqual([
      ['customer', 'customer', 1],
      ['employee', 'employee', 1],
      ['retailer', 'retailer', 1],
      ['wholesaler', 'wholesaler', 1],
    ])
    expect(first.admin?.generatedPassword).toMatch(/^\S{20}$/)
    const admin = await findUserByEmail(store.db, 'admin@csi.localhost')
    expect(admin?.role).toBe('admin')
    const hash = (await findPasswordHash(store.db, admin!.id))!
    expect(await verifyPassword({ hash, password: first.admin!.generatedPassword! })).toBe(true)
    expect(await verifyPassword({ hash, password: 'wrong' })).toBe(false)

    const second = await seedDatabase(store, {
      surveys: shippedSurveys,
      generateAdminPassword: true,
    })
    expect(second.admin).toBeNull()
    expect(second.surveys.every((s) => !s.created)).toBe(true)
  })

  test('ADMIN_EMAIL/ADMIN_PASSWORD choose the admin; no password is printed', async () => {
    const store = openDatabase(':memory:')
    const seeded = await seedDatabase(store, {
      surveys: [],
      adminEmail: 'Boss@Example.com',
      adminPassword: 'a long secret',
    })
    expect(seeded.admin).toEqual({ email: 'Boss@Example.com', generatedPassword: null })
    const admin = await findUserByEmail(store.db, 'boss@example.com')
    const hash = (await findPasswordHash(store.db, admin!.id))!
    expect(await verifyPassword({ hash, password: 'a long secret' })).toBe(true)
  })

  test("a survey already stored is never overwritten by its file: the programme's versions survive restarts", async () => {
    const store = openDatabase(':memory:')
    const customer = shippedSurveys.find((s) => s.id === 'customer')!
    await seedDatabase(store, { surveys: [customer] })
    const edited = { ...customer.definition, title: 'Our own customer survey' }
    await upsertSurvey(store, { ...customer, title: 'Ours', definition: edited })
    const changedFile = {
      ...customer,
      definition: { ...customer.definition, title: 'Customer survey 2027' },
    }
    const [result] = (await seedDatabase(store, { surveys: [changedFile] })).surveys
    expect(result).toEqual({ id: 'customer', version: 2, created: false })
    expect(await getSurvey(store.db, 'customer')).toMatchObject({
      currentVersion: 2,
      title: 'Ours',
    })
    expect((await getSurveyVersion(store.db, 'customer', 2))?.definition.title).toBe(
      'Our own customer survey',
    )
    expect(await getSurveyVersion(store.db, 'customer', 3)).toBeNull()
    // A starter template the database lacks is still loaded.
    const retailer = shippedSurveys.find((s) => s.id === 'retailer')!
    const added = await seedDatabase(store, { surveys: [changedFile, retailer] })
    expect(added.surveys[1]).toEqual({ id: 'retailer', version: 1, created: true })
  })
})

describe('GET /api/health when the database is gone', () => {
  test('503 with the reason, still in the error envelope', async () => {
    const store = openDatabase(':memory:')
    const config = {
      runtime: 'node' as const,
      publicUrl: 'http://x',
      bodyLimit: 1024,
      authSecret: 'x'.repeat(32),
      tokenRateLimit: 0,
    }
    const app = createApp({ store: () => store, config: () => config, asset: async () => null })
    store.close()
    const res = await app.request('/api/health')
    expect(res.status).toBe(503)
    const body = (await res.json()) as {
      status: string
      db: string
      error: { code: string; message: string }
    }
    expect(body).toMatchObject({ status: 'error', db: 'error', error: { code: 'UNAVAILABLE' } })
    expect(body.error.message).toMatch(/database connection is not open/i)
    expect(body.error.message).not.toMatch(/select/i)
  })
})

atomicSuite(() => openDatabase(':memory:'))
