import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const waveExportsRoute = new Hono<AppEnv>()
