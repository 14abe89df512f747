import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from './require-role'
import { roles } from '../db/schema'
import { clearSignInThrottles } from '../db/sign-in-throttles'
import type { UserChange } from '../db/users'
import {
  DuplicateUserError,
  changeUserRole,
  createUser,
  deleteUser,
  findUserById,
  listUsers,
} from '../db/users'
import type { AppEnv } from '../env'
import { ApiError } from '../lib/errors'
import { generatePassword } from '../lib/tokens'
import { validate } from '../lib/validate'

const roleField = z.enum(roles, { error: `must be one of ${roles.join(', ')}` })

const createUserBody = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'must be an email address' })),
  role: roleField,
  // The same bounds as better-auth's (server/auth/create-auth.ts), so the user can sign in.
  password: z.string().min(8).max(128).optional(),
})
const changeRoleBody = z.object({ role: roleField })
const userParam = z.object({ id: z.string().min(1).max(64) })

/** A refused change, in words: the last admin stays, nobody deletes themselves. */
function refuse(change: Exclude<UserChange, { ok: true }>, id: string): never {
  if (change.reason === 'not-found') throw new ApiError('NOT_FOUND', `No user ${id}`)
  if (change.reason === 'self')
    throw new ApiError('CONFLICT', 'You cannot remove your own account; ask another admin.')
  throw new ApiError(
    'CONFLICT',
    'This is the only admin: make another user an admin first, so someone can still manage users.',
  )
}

export const usersRoute = new Hono<AppEnv>()
  .get('/', requireRole('admin'), async (c) => {
    const users = await listUsers(c.var.db, new Date())
    return c.json({ users }, 200)
  })
  .post('/', requireRole('admin'), validate('json', createUserBody), async (c) => {
    const { email, role, password } = c.req.valid('json')
    const chosen = password ?? generatePassword()
    try {
      const user = await createUser(
        { db: c.var.db, atomic: c.var.atomic },
        { email, role, password: chosen },
      )
      // The generated password is in this one response only; no cache may keep it.
      c.header('Cache-Control', 'no-store')
      return c.json({ user, password: password ? null : chosen }, 201)
    } catch (err) {
      if (err instanceof DuplicateUserError)
        throw new ApiError('CONFLICT', `A user ${email} already exists`)
      throw err
    }
  })
  .patch(
    '/:id',
    requireRole('admin'),
    validate('param', userParam),
    validate('json', changeRoleBody),
    async (c) => {
      const { id } = c.req.valid('param')
      const change = await changeUserRole(c.var.db, id, c.req.valid('json').role)
      if (!change.ok) refuse(change, id)
      return c.json({ user: change.user }, 200)
    },
  )
  .delete('/:id', requireRole('admin'), validate('param', userParam), async (c) => {
    const { id } = c.req.valid('param')
    const change = await deleteUser(c.var.db, id, c.var.user.id)
    if (!change.ok) refuse(change, id)
    return c.json({ user: change.user }, 200)
  })
  // Ends a sign-in lockout early, for a user who has been told their password again.
  .delete('/:id/lockout', requireRole('admin'), validate('param', userParam), async (c) => {
    const { id } = c.req.valid('param')
    const user = await findUserById(c.var.db, id)
    if (!user) throw new ApiError('NOT_FOUND', `No user ${id}`)
    await clearSignInThrottles(c.var.db, { email: user.email })
    return c.json({ user: { id: user.id, email: user.email, role: user.role } }, 200)
  })
