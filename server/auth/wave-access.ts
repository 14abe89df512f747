import type { SessionUser } from './require-role'
import type { Audience } from '../db/schema'
import type { Db } from '../db/client'
import { loadWaveSurvey } from '../db/wave-survey'
import { getWave } from '../db/waves'
import { ApiError } from '../lib/errors'

/**
 * Who may read which results (SPEC §6a), checked per object: managers see customer and
 * intermediary waves; HR sees employee waves (with customer waves beside them, for the
 * perception gaps); admin sees everything.
 */
export function assertCanReport(
  user: SessionUser,
  waves: readonly { id: string; audience: Audience }[],
) {
  if (user.role === 'admin') return
  const employee = waves.filter((w) => w.audience === 'employee')
  if (user.role === 'manager' && employee.length > 0) {
    throw new ApiError(
      'FORBIDDEN',
      `Wave ${employee[0]!.id} is an employee survey: its results are for HR`,
    )
  }
  if (user.role === 'hr' && employee.length === 0) {
    throw new ApiError(
      'FORBIDDEN',
      'HR reports start from an employee wave (add customer waves with ?with=)',
    )
  }
}

/**
 * Who may run a wave's fieldwork (contacts, interviews): managers customer and intermediary
 * waves, HR employee waves, admin all. HR does not key customer interviews.
 */
export function canManage(user: SessionUser, audience: Audience) {
  if (user.role === 'admin') return true
  return user.role === 'hr' ? audience === 'employee' : audience !== 'employee'
}

export function assertCanManage(user: SessionUser, wave: { id: string; audience: Audience }) {
  if (!canManage(user, wave.audience)) {
    const whose = wave.audience === 'employee' ? 'HR' : 'managers'
    throw new ApiError(
      'FORBIDDEN',
      `Wave ${wave.id} is a ${wave.audience} survey: its fieldwork is for ${whose}`,
    )
  }
}

type Vars = { var: { db: Db; user: SessionUser } }

/** The wave, when this user may run its fieldwork (404 / 403 otherwise). */
export async function managedWave(c: Vars, id: string) {
  const wave = await getWave(c.var.db, id)
  if (!wave) throw new ApiError('NOT_FOUND', `No wave ${id}`)
  assertCanManage(c.var.user, wave)
  return wave
}

/** A wave with its survey, when this user may run its fieldwork (404 / 403 otherwise). */
export async function managedWaveSurvey(c: Vars, id: string) {
  const loaded = await loadWaveSurvey(c.var.db, id)
  if (!loaded) throw new ApiError('NOT_FOUND', `No wave ${id}`)
  assertCanManage(c.var.user, loaded.wave)
  return loaded
}

/** A wave with its survey, when this user may read its results (404 / 403 otherwise). */
export async function readableWaveSurvey(c: Vars, id: string) {
  const loaded = await loadWaveSurvey(c.var.db, id)
  if (!loaded) throw new ApiError('NOT_FOUND', `No wave ${id}`)
  assertCanReport(c.var.user, [loaded.wave])
  return loaded
}
