import type { Status } from './alert-format'
import { statuses } from './alert-format'

/** The follow-up list's filters as kept in its address; "" means "any". */
export type AlertFilters = {
  status: Status | ''
  /** An owner's email, `unassigned`, or "" for anyone. */
  owner: string
  wave: string
  overdue: boolean
}

export const noFilters: AlertFilters = { status: '', owner: '', wave: '', overdue: false }

/** Reads `/alerts?…`; unknown values fall back to "any", so an edited link still opens. */
export function readFilters(query: URLSearchParams): AlertFilters {
  const status = query.get('status') as Status
  const owner = (query.get('owner') ?? '').trim().toLowerCase()
  return {
    status: statuses.includes(status) ? status : '',
    owner: owner === 'unassigned' || /^[^\s@]+@[^\s@]+$/.test(owner) ? owner : '',
    wave: (query.get('wave') ?? '').slice(0, 64),
    overdue: query.get('overdue') === '1',
  }
}

/** The list's address for some filters, "any" left out. */
export function filtersHref(f: AlertFilters): string {
  const q = new URLSearchParams()
  if (f.status) q.set('status', f.status)
  if (f.owner) q.set('owner', f.owner)
  if (f.wave) q.set('wave', f.wave)
  if (f.overdue) q.set('overdue', '1')
  const s = q.toString()
  return s ? `/alerts?${s}` : '/alerts'
}

export const isFiltered = (f: AlertFilters) => filtersHref(f) !== '/alerts'

/** The API's query: `owner=` (empty) asks for the unassigned ones. */
export function listQuery(f: AlertFilters, before?: string | null) {
  return {
    ...(f.status && { status: f.status }),
    ...(f.owner && { owner: f.owner === 'unassigned' ? '' : f.owner }),
    ...(f.wave && { wave: f.wave }),
    ...(f.overdue && { overdue: '1' as const }),
    ...(before && { before }),
    limit: String(PAGE),
  }
}

export const PAGE = 50

/**
 * What an empty list means: nothing raised yet (for this wave or owner), nothing left to do
 * (asked for open or overdue ones, and there are others), or just nothing matching.
 */
export function emptyKind(
  f: AlertFilters,
  anyAtAll: boolean,
): 'none-yet' | 'all-done' | 'no-match' {
  if (!anyAtAll) return 'none-yet'
  return f.status === 'open' || (f.overdue && f.status !== 'resolved') ? 'all-done' : 'no-match'
}
