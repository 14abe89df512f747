import type { User } from '../shell/api-types'

type Audience = 'customer' | 'wholesaler' | 'retailer' | 'employee'

/** The shipped surveys (the survey id is its audience), as a wave is created from them. */
export const shippedSurveys: { id: Audience; label: string }[] = [
  { id: 'customer', label: 'Customers' },
  { id: 'wholesaler', label: 'Wholesalers' },
  { id: 'retailer', label: 'Retailers' },
  { id: 'employee', label: 'Employees (anonymous attitude survey)' },
]

/** Mirrors the server's canManage: managers the market audiences, HR employees, admin all. */
export function canManage(role: User['role'], audience: string) {
  if (role === 'admin') return true
  return role === 'hr' ? audience === 'employee' : audience !== 'employee'
}

export const manageableSurveys = (role: User['role']) =>
  shippedSurveys.filter((s) => canManage(role, s.id))
