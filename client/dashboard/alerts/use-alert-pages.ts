import { useState } from 'react'
import { useAction } from '../ui/use-action'
import { useLoad } from '../ui/use-load'
import type { ListedAlert } from './alert-api'
import { alertApi } from './alert-api'
import type { AlertFilters } from './alert-filters'
import { filtersHref, listQuery } from './alert-filters'

type More = { after: unknown; alerts: ListedAlert[]; next: string | null }

/** The follow-up list for some filters, a page at a time ("Load more" keeps the earlier rows). */
export function useAlertPages(filters: AlertFilters) {
  const key = filtersHref(filters)
  const first = useLoad((signal) => alertApi.list(listQuery(filters), signal), [key])
  const [loaded, setMore] = useState<More | null>(null)
  const loading = useAction()
  // Pages loaded after a first page that has since been reloaded no longer follow on from it.
  const more = loaded?.after === first.data ? loaded : null

  const alerts = first.data && [...first.data.alerts, ...(more?.alerts ?? [])]
  const next = more ? more.next : (first.data?.next ?? null)
  const loadMore = async () => {
    if (!next || loading.busy) return
    const page = await loading.run(() => alertApi.list(listQuery(filters, next)))
    if (page)
      setMore({
        after: first.data,
        alerts: [...(more?.alerts ?? []), ...page.alerts],
        next: page.next,
      })
  }
  return {
    alerts,
    overdueDays: first.data?.overdueDays,
    next,
    loading: first.loading,
    error: first.error,
    reload: first.reload,
    loadMore,
    loadingMore: loading.busy,
    moreError: loading.error,
  }
}
