import { eq } from 'drizzle-orm'
import { beforeEach, describe } from 'vitest'
import { responses } from '../../server/db/schema'
import { createUser } from '../../server/db/users'
import { closeWave, createWave } from '../../server/db/waves'
import { anonymitySuite } from '../api/anonymity-suite'
import { periodSuite } from '../api/period-suite'
import { aggregateStorageSuite } from '../api/aggregate-storage-suite'
import { invitationSuite } from '../api/invitation-suite'
import { apiSuite, authSuite } from '../api/suite'
import { surveysSuite } from '../api/surveys-suite'
import { catalogueSuite } from '../api/catalogue-suite'
import type { ApiTarget } from '../api/target'
import { makeTestApp } from '../helpers/app'

let target: ApiTarget

beforeEach(async () => {
  const { app, db, store } = await makeTestApp()
  target = {
    runtime: 'node',
    fetch: async (path, init) => app.request(path, init),
    createWave: async (input) => {
      const { wave, openLinkToken } = await createWave(db, { ...input, openLink: true })
      return { id: wave.id, token: openLinkToken! }
    },
    closeWave: (id) => closeWave(db, id, new Date()),
    responses: (waveId) => db.select().from(responses).where(eq(responses.waveId, waveId)),
    createUser: async (input) => {
      await createUser(store, input)
    },
    origin: 'http://localhost:8787',
    store,
  }
})

describe('API on Node (better-sqlite3)', () => apiSuite(() => target))
describe('Sign-in on Node (better-sqlite3)', () => authSuite(() => target))
describe('Invitations on Node (better-sqlite3)', () => invitationSuite(() => target))
describe('Employee anonymity on Node (better-sqlite3)', () => anonymitySuite(() => target))
describe('Continuous waves on Node (better-sqlite3)', () => periodSuite(() => target))
describe('Surveys on Node (better-sqlite3)', () => surveysSuite(() => target))
describe('Catalogue on Node (better-sqlite3)', () => catalogueSuite(() => target))
describe('Storage cost on Node (better-sqlite3)', () => aggregateStorageSuite(() => target))
