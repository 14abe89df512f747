import { readNodeEnv } from '../node/config'
import { openDatabase } from '../node/open-database'
import { seedDatabase } from '../db/seed'
import { shippedSurveys } from '../surveys/shipped-surveys'
import { CliError } from './cli-error'

/** Opens the same database `npm start` uses (DATABASE_PATH), migrated and with the surveys. */
export async function openCliStore() {
  let env
  try {
    env = readNodeEnv(process.env)
  } catch (err) {
    throw new CliError((err as Error).message)
  }
  const store = openDatabase(env.DATABASE_PATH)
  await seedDatabase(store, { surveys: shippedSurveys })
  return { env, store }
}
