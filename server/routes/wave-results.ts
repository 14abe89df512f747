import { Hono } from 'hono'
import type { AppEnv } from '../env'

export const waveResultsRoute = new Hono<AppEnv>()
