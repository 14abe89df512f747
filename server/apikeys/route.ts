import { Hono } from 'hono'
import { requireRole } from '../auth/require-role'
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '../db/api-keys'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { validate } from '../lib/validate'
import { assertMayGrant, assertPerson, keyOwnerFilter } from './key-policy'
import { apiKeyParam, createApiKeyBody } from './schemas'

const DAY_MS = 24 * 3600 * 1000

/** API keys for scripts and CRMs: created (shown once), listed, revoked. */
export const apiKeysRoute = new Hono<AppEnv>()
  .get('/', requireRole(), async (c) => {
    assertPerson(c.var.user)
    return c.json({ apiKeys: await listApiKeys(c.var.db, keyOwnerFilter(c.var.user)) }, 200)
  })
  .post('/', requireRole(), validate('json', createApiKeyBody), async (c) => {
    const { name, role, expiresInDays } = c.req.valid('json')
    assertMayGrant(c.var.user, role)
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * DAY_MS) : null
    const created = await createApiKey(c.var.db, {
      name,
      role,
      expiresAt,
      createdBy: c.var.user.email,
    })
    // The key is in this one answer only; no cache may keep it.
    c.header('Cache-Control', 'no-store')
    return c.json(created, 201)
  })
  .delete('/:id', requireRole(), validate('param', apiKeyParam), async (c) => {
    assertPerson(c.var.user)
    const { id } = c.req.valid('param')
    const key = await getApiKey(c.var.db, id)
    const owner = keyOwnerFilter(c.var.user)
    if (!key || (owner !== undefined && key.createdBy !== owner))
      throw new ApiError('NOT_FOUND', `No API key ${id}`)
    return c.json({ apiKey: await revokeApiKey(c.var.db, id, new Date()) }, 200)
  })
