import { useEffect, useRef, useState } from 'react'
import { api, readError } from '../../api'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import { useSession } from '../shell/session'
import { useLoad } from '../ui/use-load'
import type { AlertFilters } from './alert-filters'
import { filtersHref, readFilters } from './alert-filters'
import { rememberList } from './list-return'
import { AlertFiltersForm } from './AlertFiltersForm'
import { AlertSettings } from './AlertSettings'
import { AlertTable } from './AlertTable'
import { NoFollowUps } from './NoFollowUps'
import { useAlertPages } from './use-alert-pages'
import { useWaveLabels } from './use-wave-labels'
import './alerts.css'

/** Closing the loop: the low scores to follow up, filtered by status, owner, wave and age. */
export default function AlertsPage() {
  const { user } = useSession()
  useEffect(() => {
    document.title = 'Follow-ups · CSI Toolkit'
  }, [])
  if (user.role === 'hr')
    return (
      <div className="alerts-page">
        <h1>Follow-ups</h1>
        <Notice
          tone="info"
          title="Follow-ups are for managers and admins"
          action={{ label: 'Go to the overview', onClick: () => navigate('/') }}
        >
          <p>
            A follow-up is raised when a named customer, wholesaler or retailer gives a low score.
            Employee surveys are anonymous, so they never raise one.
          </p>
        </Notice>
      </div>
    )
  return <FollowUps />
}

function FollowUps() {
  const { user } = useSession()
  const { query } = useLocation()
  const filters = readFilters(query)
  const list = useAlertPages(filters)
  const waves = useLoad(async (signal) => {
    const res = await api.api.waves.$get(undefined, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return (await res.json()).waves.filter((w) => w.audience !== 'employee')
  }, [])
  const names = useWaveLabels(list.alerts?.map((a) => a.waveId) ?? [])
  const [now] = useState(() => Date.now())
  const shown = list.alerts?.length ?? 0
  const firstNew = useRef<number | null>(null)

  useEffect(() => {
    if (firstNew.current === null || firstNew.current >= shown) return
    document.querySelector<HTMLElement>(`[data-alert-index="${firstNew.current}"] a`)?.focus()
    firstNew.current = null
  }, [shown])

  const href = filtersHref(filters)
  useEffect(() => rememberList(href), [href])
  const apply = (next: AlertFilters) => navigate(filtersHref(next), { replace: true })

  return (
    <div className="alerts-page">
      <header className="alerts-intro">
        <h1>Follow-ups</h1>
        <p className="muted">
          Each low score from a customer, wholesaler or retailer, to be followed up by its owner.
          The respondent has already had an email saying someone will be in touch.
        </p>
      </header>
      <AlertFiltersForm
        filters={filters}
        me={user.email}
        waves={waves.data ?? []}
        overdueDays={list.overdueDays}
        onChange={apply}
      />
      <section aria-labelledby="alerts-list-title" className="alerts-list">
        <h2 id="alerts-list-title" className="visually-hidden">
          The follow-ups
        </h2>
        <p className="alerts-summary" role="status">
          {list.alerts &&
            shown > 0 &&
            `Showing ${shown} follow-up${shown === 1 ? '' : 's'}, newest first${list.next ? ' (more below)' : ''}.`}
          {list.error && list.alerts && ` The list could not be refreshed: ${list.error.message}`}
        </p>
        {list.error && !list.alerts ? (
          <LoadFailed what="follow-ups" error={list.error} reload={list.reload} />
        ) : !list.alerts ? (
          <p className="muted" aria-busy="true">
            Loading the follow-ups…
          </p>
        ) : shown === 0 ? (
          <NoFollowUps filters={filters} overdueDays={list.overdueDays} onChange={apply} />
        ) : (
          <div className={list.loading ? 'alerts-list__body is-stale' : 'alerts-list__body'}>
            <AlertTable alerts={list.alerts} names={names} now={now} />
            {list.moreError && (
              <p className="form-error" role="alert">
                More could not be loaded: {list.moreError.message}
              </p>
            )}
            {list.next && (
              <div className="actions">
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={list.loadingMore}
                  onClick={() => {
                    firstNew.current = shown
                    void list.loadMore()
                  }}
                >
                  {list.loadingMore ? 'Loading…' : 'Load more'}
                </button>
              </div>
            )}
          </div>
        )}
      </section>
      <AlertSettings />
    </div>
  )
}
