import type { Store } from '../../server/db/client'
import type { Role } from '../../server/db/schema'
import { createUser } from '../../server/db/users'

type RequestApp = { request: (path: string, init?: RequestInit) => Response | Promise<Response> }

/** Creates a user of `role` and signs in through the real auth route; returns the Cookie header. */
export async function signedInAs(
  app: RequestApp,
  store: Store,
  role: Role,
  origin = 'http://localhost:8787',
) {
  const email = `${role}-${crypto.randomUUID().slice(0, 8)}@example.com`
  const password = 'correct horse battery'
  await createUser(store, { email, role, password })
  const res = await app.request('/api/auth/sign-in/email', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200)
    throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`)
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
}
