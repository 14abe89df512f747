import { createContext, useContext } from 'react'
import type { User } from './api-types'

export type Session = {
  user: User
  signOut: () => Promise<void>
  /** The server answered 401 mid-session: back to sign-in, then to this page. */
  expire: () => void
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession() outside a signed-in page')
  return session
}
