import { readNodeEnv } from './node/config'
import { openDatabase } from './node/open-database'
import { startNodeServer } from './node/serve'

const env = readNodeEnv(process.env)
if (process.argv.includes('--migrate-only')) {
  openDatabase(env.DATABASE_PATH).close()
  console.log(`Migrated ${env.DATABASE_PATH}`)
} else {
  await startNodeServer(env)
}
