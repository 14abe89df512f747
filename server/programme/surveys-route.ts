import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** The programme's surveys and their versions (SPEC §3, §5.2). */
export const surveysRoute = new Hono<AppEnv>()
