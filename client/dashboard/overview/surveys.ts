import type { User } from '../shell/api-types'

type Audience = 'customer' | 'wholesaler' | 'retailer' | 'employee'

/** The four audiences a survey can be for, as the dashboard names them. */
export const audienceChoices: { id: Audience; label: string }[] = [
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

export const manageableAudiences = (role: User['role']) =>
  audienceChoices.filter((s) => canManage(role, s.id))

type SurveyRow = { id: string; title: string; audience: string; currentVersion: number }
const audienceOrder = (a: string) => audienceChoices.findIndex((c) => c.id === a)

/** The surveys as the wave dialog offers them, by audience then title: who answers, the version. */
export function surveyChoices(surveys: readonly SurveyRow[]) {
  return [...surveys]
    .sort(
      (a, b) =>
        audienceOrder(a.audience) - audienceOrder(b.audience) || a.title.localeCompare(b.title),
    )
    .map((s) => {
      const who =
        audienceChoices.find((a) => a.id === s.audience)?.label.split(' (')[0] ?? s.audience
      return { id: s.id, label: `${s.title} · ${who} · version ${s.currentVersion}` }
    })
}
