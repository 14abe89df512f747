import type { DBAdapter, Where } from '@better-auth/core/db/adapter'
import { sha256Hex } from '../lib/sha256'

const encoder = new TextEncoder()

/** What the sessions table stores instead of a session token. */
export const sessionTokenHash = (token: string) => sha256Hex(encoder.encode(`session:${token}`))

const isSession = (model: string) => model === 'session' || model === 'sessions'

type AdapterFactory = (options: never) => DBAdapter

/**
 * Wraps a better-auth database adapter so the sessions table holds SHA-256 hashes of session
 * tokens, never the tokens: a copy of the database file then holds no bearer credential, with
 * or without the signing secret. better-auth itself keeps working with raw tokens: every
 * lookup by token is made by its hash, and rows come back carrying the raw token the caller
 * already knew (a row found by some other field carries only the hash, which opens nothing).
 */
export function withHashedSessionTokens<F extends AdapterFactory>(factory: F): F {
  return ((options: never) => wrap(factory(options))) as F
}

type Row = Record<string, unknown>
type Args = { model: string; where?: Where[]; data?: Row; update?: Row }
// better-auth's adapter methods are generic in the row type; these wrappers only touch the
// token field, so they are written over plain rows and cast once.
type Loose = Record<string, (args: Args) => Promise<unknown>>

function wrap(inner: DBAdapter): DBAdapter {
  const adapter = inner as unknown as Loose &
    Record<
      | 'create'
      | 'findOne'
      | 'findMany'
      | 'update'
      | 'updateMany'
      | 'delete'
      | 'deleteMany'
      | 'count',
      (args: Args) => Promise<unknown>
    >
  const wrapped: Loose = {
    async create(args) {
      if (!isSession(args.model)) return adapter.create(args)
      const token = args.data?.token
      if (typeof token !== 'string') return adapter.create(args)
      const data = { ...args.data, token: sessionTokenHash(token) }
      return { ...((await adapter.create({ ...args, data })) as Row), token }
    },
    async findOne(args) {
      if (!isSession(args.model)) return adapter.findOne(args)
      const { where, raw } = hashWhere(args.where)
      const row = await adapter.findOne({ ...args, where })
      return row ? restore(row, raw) : row
    },
    async findMany(args) {
      if (!isSession(args.model)) return adapter.findMany(args)
      const { where, raw } = hashWhere(args.where)
      const rows = (await adapter.findMany({ ...args, where })) as unknown[]
      return rows.map((row) => restore(row, raw))
    },
    async update(args) {
      if (!isSession(args.model)) return adapter.update(args)
      const { where, raw } = hashWhere(args.where)
      const row = await adapter.update({ ...args, where, update: hashData(args.update) })
      return row ? restore(row, raw) : row
    },
    updateMany: (args) =>
      isSession(args.model)
        ? adapter.updateMany({
            ...args,
            where: hashWhere(args.where).where,
            update: hashData(args.update),
          })
        : adapter.updateMany(args),
    delete: (args) =>
      isSession(args.model)
        ? adapter.delete({ ...args, where: hashWhere(args.where).where })
        : adapter.delete(args),
    deleteMany: (args) =>
      isSession(args.model)
        ? adapter.deleteMany({ ...args, where: hashWhere(args.where).where })
        : adapter.deleteMany(args),
    count: (args) =>
      isSession(args.model)
        ? adapter.count({ ...args, where: hashWhere(args.where).where })
        : adapter.count(args),
  }
  // better-auth runs some writes (a password change's new session) on the adapter its
  // transaction hands over: that one must hash too.
  const transaction: DBAdapter['transaction'] = (cb) =>
    inner.transaction((trx) => cb(wrap(trx as DBAdapter) as typeof trx))
  return { ...inner, ...wrapped, transaction } as unknown as DBAdapter
}

/** The where clause with token values hashed, and each hash's raw token to put back. */
function hashWhere(where: Where[] | undefined) {
  const raw = new Map<string, string>()
  const hash = (token: unknown) => {
    if (typeof token !== 'string') return token
    const h = sessionTokenHash(token)
    raw.set(h, token)
    return h
  }
  const hashed = where?.map((w) =>
    w.field === 'token'
      ? {
          ...w,
          value: (Array.isArray(w.value) ? w.value.map(hash) : hash(w.value)) as Where['value'],
        }
      : w,
  )
  return { where: hashed as Where[], raw }
}

function hashData<T>(data: T): T {
  const token = (data as { token?: unknown } | null)?.token
  return typeof token === 'string' ? { ...data, token: sessionTokenHash(token) } : data
}

function restore(row: unknown, raw: Map<string, string>) {
  const r = row as { token?: string }
  const token = r.token && raw.get(r.token)
  return token ? { ...r, token } : r
}
