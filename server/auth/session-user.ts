import type { Role } from '../db/schema'

/** Who a request acts as: a signed-in person, or an API key (`apiKeyId`) acting with its role. */
export type SessionUser = { id: string; email: string; role: Role; apiKeyId?: string }
