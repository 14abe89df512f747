import { createApp } from '../../server/app'
import type { MailSetup } from '../../server/env'
import { seedDatabase } from '../../server/db/seed'
import { openDatabase } from '../../server/node/open-database'
import { shippedSurveys } from '../../server/surveys'

/** A fresh in-memory SQLite with the real migrations and the shipped surveys, per test. */
export async function makeTestApp(
  options: {
    asset?: (path: string) => Promise<Response | null>
    publicUrl?: string
    tokenRateLimit?: number
    clientIp?: string
    mail?: MailSetup
  } = {},
) {
  const store = openDatabase(':memory:')
  await seedDatabase(store, { surveys: shippedSurveys })
  const config = {
    runtime: 'node' as const,
    publicUrl: options.publicUrl ?? 'http://localhost:8787',
    bodyLimit: 256 * 1024,
    authSecret: 'test-secret-test-secret-test-secret-0123',
    tokenRateLimit: options.tokenRateLimit ?? 0,
  }
  const app = createApp({
    store: () => store,
    config: () => config,
    asset: (_c, path) => (options.asset ? options.asset(path) : Promise.resolve(null)),
    // Tests that need several client addresses name them per request.
    clientIp: (c) => c.req.header('x-test-client-ip') ?? options.clientIp,
    mail: () => options.mail ?? null,
  })
  return { app, store, db: store.db, config }
}
