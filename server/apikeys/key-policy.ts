import type { SessionUser } from '../auth/require-role'
import type { Role } from '../db/schema'
import { ApiError } from '../lib/errors'

/**
 * Keys are made and revoked by people signed in to the dashboard, never by another key (a
 * leaked key must not be able to mint its own successors). Admin grants any role; a manager or
 * HR user only their own, so a key never holds more than its maker.
 */
export function assertMayGrant(user: SessionUser, role: Role) {
  assertPerson(user)
  if (user.role !== 'admin' && role !== user.role)
    throw new ApiError(
      'FORBIDDEN',
      `role: a ${user.role} user may create keys with the ${user.role} role only, not ${role}`,
      [{ path: 'role', message: `may be ${user.role} only` }],
    )
}

export function assertPerson(user: SessionUser) {
  if (user.apiKeyId)
    throw new ApiError('FORBIDDEN', 'API keys are managed by people: sign in to the dashboard')
}

/** Admin sees and revokes every key; others only the keys they made. */
export const keyOwnerFilter = (user: SessionUser) =>
  user.role === 'admin' ? undefined : user.email
