import type { SessionUser } from '../auth/require-role'
import { ApiError } from '../lib/errors'
import type { Audience } from '../surveys/audiences'
import { audiences } from '../surveys/audiences'

/** Admins word every message; HR the employee survey's, which is theirs to run. */
export const editableAudiences = (user: SessionUser): readonly Audience[] =>
  user.role === 'admin' ? audiences : user.role === 'hr' ? ['employee'] : []

export function assertMayEdit(user: SessionUser, audience: Audience) {
  if (!editableAudiences(user).includes(audience))
    throw new ApiError(
      'FORBIDDEN',
      user.role === 'hr'
        ? `HR words the employee messages only, not the ${audience} ones`
        : `Only admins (and HR, for employee messages) may word messages; you are ${user.role}`,
    )
}
