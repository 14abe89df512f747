import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function findRoot(from: string) {
  for (let dir = dirname(from); dirname(dir) !== dir; dir = dirname(dir))
    if (existsSync(join(dir, 'package.json'))) return dir
  throw new Error(`No package.json above ${from}`)
}

/**
 * The checkout's root (client/dist, server/db/migrations are read from it). Found by walking up
 * because this code runs both from server/node/ (tests, tsx) and from a chunk of server/dist/.
 */
export const packageRoot = findRoot(fileURLToPath(import.meta.url))
