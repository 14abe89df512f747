import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const waveAdminRoute = new Hono<AppEnv>()
