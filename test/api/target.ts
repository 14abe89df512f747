import type { Store } from '../../server/db/client'
/** What the shared API suite needs from a runtime: Node (app.request) or workerd (Miniflare). */
export type ApiTarget = {
  fetch: (path: string, init?: RequestInit) => Promise<Response>
  /** Creates a wave with an open link through the repository functions on that runtime's DB. */
  createWave: (input: {
    surveyId: string
    name: string
    closesAt?: Date | null
  }) => Promise<{ id: string; token: string }>
  closeWave: (id: string) => Promise<void>
  responses: (waveId: string) => Promise<
    Array<{
      answers: Record<string, unknown>
      mode: string
      audience: string
      segments: Record<string, string>
    }>
  >
  /** Creates a dashboard user (better-auth password hash) the way `csi user add` does. */
  createUser: (input: {
    email: string
    role: 'admin' | 'manager' | 'hr'
    password: string
  }) => Promise<void>
  /** The app's PUBLIC_URL origin: better-auth refuses cookie-bearing POSTs from any other. */
  origin: string
  runtime: 'node' | 'workerd'
  /** The runtime's own store (better-sqlite3 or D1), for repository-level set-up and checks. */
  store: Store
}

export const json = (body: unknown, init: RequestInit = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})
