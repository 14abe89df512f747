import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

import { roles } from './auth'
import { createdAt } from './columns'

/**
 * API keys for scripts and CRMs (SPEC §5.7), each scoped to a role. Only a SHA-256 of the key is
 * kept (the key is 256 random bits, so a plain hash is enough); `start` lets people tell keys apart.
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    start: text('start').notNull(),
    keyHash: text('key_hash').notNull(),
    // Who made it: a user's email, or "command line".
    createdBy: text('created_by').notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp' }),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('api_keys_key_hash_idx').on(t.keyHash)],
)
