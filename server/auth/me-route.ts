import { Hono } from 'hono'
import { requireRole } from './require-role'
import type { AppEnv } from '../env'

/** Who is signed in: the dashboard's first call. 401 in the error envelope when nobody is. */
export const meRoute = new Hono<AppEnv>().get('/', requireRole(), (c) =>
  c.json({ user: c.var.user }, 200),
)
