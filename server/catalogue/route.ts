import { Hono } from 'hono'
import type { AppEnv } from '../env'

/** The programme's attribute catalogue and the questionnaire builder (SPEC §2). */
export const catalogueRoute = new Hono<AppEnv>()
