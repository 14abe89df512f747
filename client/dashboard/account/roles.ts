import type { User } from '../shell/api-types'

export type Role = User['role']

export const roles: readonly Role[] = ['admin', 'manager', 'hr']

export const roleLabel: Record<Role, string> = { admin: 'Admin', manager: 'Manager', hr: 'HR' }

/** What each role sees, in one line (the add-user form, the users table). */
export const roleSummary: Record<Role, string> = {
  admin: 'Everything: every wave’s results, and the users of this dashboard.',
  manager: 'Customer and intermediary (wholesaler, retailer) waves and their reports.',
  hr: 'Employee waves and perception gaps, never an individual employee’s answers.',
}

/** What each role can and cannot see, for the account page. The server enforces the same. */
export const roleAccess: Record<Role, { can: string[]; cannot: string[] }> = {
  admin: {
    can: [
      'Customer, wholesaler and retailer waves: fieldwork, reports and exports',
      'Employee waves and the perception gaps between employees and customers',
      'Users: add people, change their roles, end a sign-in lockout',
      'Settings: the anonymity thresholds every employee result is held to',
    ],
    cannot: ['An individual employee’s answers: nobody can'],
  },
  manager: {
    can: [
      'Customer, wholesaler and retailer waves: fieldwork, reports and exports',
      'Trends wave over wave, segments, and customers’ comments',
    ],
    cannot: ['Employee waves and perception gaps (HR and admins)', 'Users (admins only)'],
  },
  hr: {
    can: [
      'Employee waves: response rates, and results released in batches for groups of at least the anonymity threshold (five unless an admin changed it)',
      'Perception gaps: how employees think customers rate us, beside customers’ own ratings',
    ],
    cannot: [
      'An individual employee’s answers: small groups are hidden so no one can be picked out',
      'Customer and intermediary waves on their own: they appear only as the other side of a gap',
      'Users (admins only)',
    ],
  },
}

/** better-auth's bounds (server/auth/create-auth.ts): the client checks the same before sending. */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128
