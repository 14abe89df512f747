import { generatePassword } from '../lib/tokens'
import type { Store } from './client'
import type { SurveyInput } from './surveys'
import { upsertSurvey } from './surveys'
import { countUsers, createUser } from './users'

/** Loads the shipped surveys (a changed file becomes a new version) and the first admin. */
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
  const surveys = []
  for (const survey of input.surveys) surveys.push(await upsertSurvey(store, survey))
  let admin: { email: string; generatedPassword: string | null } | null = null
  const canCreate = input.adminPassword || input.generateAdminPassword
  if (canCreate && (await countUsers(store.db)) === 0) {
    // Not admin@localhost: better-auth's sign-in refuses an email without a dot in its domain.
    const email = input.adminEmail ?? 'admin@csi.localhost'
    const generatedPassword = input.adminPassword ? null : generatePassword()
    await createUser(store, {
      email,
      role: 'admin',
      password: input.adminPassword ?? generatedPassword!,
    })
    admin = { email, generatedPassword }
  }
  return { surveys, admin }
}
