import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const usersRoute = new Hono<AppEnv>()
