import { readNodeEnv } from '../node/config'
import { openDatabase } from '../node/open-database'
import { tempStaging } from '../node/temp-staging'
import { inArray, sql } from 'drizzle-orm'
import { surveys } from '../db/schema'
import { shippedSurveys } from '../surveys/shipped-surveys'
import { CliError } from './cli-error'
import type { CliIo } from './io'

/** The checked environment; a bad value is one CLI error naming it. */
export function cliEnv(io: CliIo) {
  try {
    return readNodeEnv(io.env)
  } catch (err) {
    throw new CliError((err as Error).message)
  }
}

/** Opens the same database `npm start` uses (DATABASE_PATH), migrated and with the surveys. */
export async function openCliStore(io: CliIo) {
  const env = cliEnv(io)
  const store = openDatabase(env.DATABASE_PATH)
  store.localStaging = tempStaging(store.sqlite)
  // The seed (and the password hashing it brings) loads only when a shipped survey is missing.
  const ids = shippedSurveys.map((s) => s.id)
  const [present] = await store.db
    .select({ n: sql<number>`count(*)` })
    .from(surveys)
    .where(inArray(surveys.id, ids))
  if (Number(present?.n) < ids.length) {
    const { seedDatabase } = await import('../db/seed')
    await seedDatabase(store, { surveys: shippedSurveys })
  }
  return { env, store }
}
