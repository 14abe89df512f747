import { generatePassword } from '../lib/tokens'
import type { Store } from './client'
import { convertLegacyAggregates } from './legacy-aggregates'
import type { SurveyInput } from './surveys'
import { getSurvey, loadStarterSurvey } from './surveys'
import { countUsers, createUser } from './users'

/**
 * Loads the starter surveys a database does not have yet, and the first admin; converts
 * aggregates stored by an older version. A survey id
 * already present is never overwritten by its file: the programme's own versions survive
 * restarts and upgrades.
 */
export async function seedDatabase(
  store: Store,
  input: {
    surveys: readonly SurveyInput[]
    adminEmail?: string
    adminPassword?: string
    /** Without a password given, make one and return it (Node prints it once). */
    generateAdminPassword?: boolean
  },
) {
  // Aggregates an older version kept one row per cell become blocks (a no-op once done).
  await convertLegacyAggregates(store)
  const surveys = []
  for (const survey of input.surveys) {
    const stored = await getSurvey(store.db, survey.id)
    surveys.push(
      stored
        ? { id: stored.id, version: stored.currentVersion, created: false }
        : await loadStarterSurvey(store, survey),
    )
  }
  let admin: { email: string; generatedPassword: string | null } | null = null
  const canCreate = input.adminPassword || input.generateAdminPassword
  if (canCreate && (await countUsers(store.db)) === 0) {
    // Not admin@localhost: better-auth's sign-in refuses an email without a dot in its domain.
    const email = input.adminEmail ?? 'admin@csi.localhost'
    const generatedPassword = input.adminPassword ? null : generatePassword()
    try {
      await createUser(store, {
        email,
        role: 'admin',
        password: input.adminPassword ?? generatedPassword!,
      })
      admin = { email, generatedPassword }
    } catch (err) {
      // Another first start made the admin a moment ago: theirs stands, nothing to print here.
      if ((await countUsers(store.db)) === 0) throw err
    }
  }
  return { surveys, admin }
}
