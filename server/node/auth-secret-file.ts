import { chmodSync, linkSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import { randomToken } from '../lib/tokens'

/** Where the session-signing secret lives for a database file: beside it, never inside it. */
export const authSecretPath = (databasePath: string) => `${databasePath}.auth-secret`

/**
 * The secret that signs session cookies when AUTH_SECRET is not set: read from a key file
 * beside the database (owner-only, 0600), written on first start. A copy of the database
 * alone then cannot sign a cookie. Two first starts race safely: each writes its own
 * temporary file and hard-links it into place; the loser reads the winner's. An in-memory
 * database gets a secret for this process only.
 */
export function ensureAuthSecretFile(databasePath: string): string {
  if (databasePath === ':memory:') return randomToken()
  const path = authSecretPath(databasePath)
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`
  writeFileSync(tmp, `${randomToken()}\n`, { mode: 0o600 })
  try {
    linkSync(tmp, path)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
  } finally {
    unlinkSync(tmp)
  }
  // A key file copied or restored with wider permissions is narrowed back to the owner.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600)
  const secret = readFileSync(path, 'utf8').trim()
  if (secret.length < 32)
    throw new Error(
      `${path}: the auth secret must be at least 32 characters; delete it to make a new one`,
    )
  return secret
}
