import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'
import type { Role } from '../account/roles'

export type ListedUser = InferResponseType<typeof api.api.users.$get, 200>['users'][number]

export async function listUsers(signal: AbortSignal) {
  const res = await api.api.users.$get(undefined, { init: { signal } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).users
}

export async function addUser(json: { email: string; role: Role; password?: string }) {
  const res = await api.api.users.$post({ json })
  if (!res.ok) throw await readError(res)
  return res.json()
}

export async function changeRole(id: string, role: Role) {
  const res = await api.api.users[':id'].$patch({ param: { id }, json: { role } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).user
}

export async function removeUser(id: string) {
  const res = await api.api.users[':id'].$delete({ param: { id } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).user
}

export async function endLockout(id: string) {
  const res = await api.api.users[':id'].lockout.$delete({ param: { id } })
  if (!res.ok) throw await readError(res)
  return (await res.json()).user
}
