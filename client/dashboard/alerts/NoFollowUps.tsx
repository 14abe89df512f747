import { Notice } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { alertApi } from './alert-api'
import type { AlertFilters } from './alert-filters'
import { emptyKind, isFiltered, listQuery, noFilters } from './alert-filters'
import { statusLabel } from './alert-format'

type Props = { filters: AlertFilters; overdueDays?: number; onChange: (f: AlertFilters) => void }

/** An empty list in words: nothing raised yet, everything dealt with, or nothing that matches. */
export function NoFollowUps({ filters, overdueDays, onChange }: Props) {
  // Are there follow-ups for this wave and owner at all, whatever their status?
  const scope = { ...noFilters, wave: filters.wave, owner: filters.owner }
  const any = useLoad(
    (signal) => alertApi.list({ ...listQuery(scope), limit: '1' }, signal),
    [scope.wave, scope.owner],
  )
  if (!any.data && !any.error)
    return (
      <p className="muted" aria-busy="true">
        Checking…
      </p>
    )
  const kind = emptyKind(filters, (any.data?.alerts.length ?? 1) > 0)
  const clear = isFiltered(filters)
    ? { label: 'Clear filters', onClick: () => onChange(noFilters) }
    : undefined
  const resolved = {
    label: 'Show the resolved ones',
    onClick: () => onChange({ ...filters, status: 'resolved', overdue: false }),
  }
  if (kind === 'none-yet')
    return (
      <Notice tone="info" title="No follow-ups yet" heading="h2" action={clear}>
        <p>
          {isFiltered(filters) ? 'None for this choice so far. ' : ''}When a customer, wholesaler or
          retailer gives a low score, a follow-up appears here, and its owner gets an email with a
          link to it.
        </p>
      </Notice>
    )
  if (kind === 'all-done')
    return (
      <Notice
        tone="success"
        title={
          filters.overdue && filters.status !== 'open'
            ? 'Nothing overdue: every low score has been dealt with in time'
            : 'No follow-ups: every low score has been dealt with'
        }
        heading="h2"
        action={resolved}
      >
        <p>
          {filters.overdue && overdueDays
            ? `No follow-up has waited more than ${overdueDays} days without being resolved.`
            : 'Every follow-up is in progress or resolved.'}{' '}
          Resolved ones stay in the list, with their history.
        </p>
      </Notice>
    )
  return (
    <Notice tone="info" title="No follow-ups match" heading="h2" action={clear}>
      <p>
        {filters.status
          ? `None is “${statusLabel[filters.status]}” for this choice.`
          : 'None for this choice.'}{' '}
        Try another status, owner or wave.
      </p>
    </Notice>
  )
}
