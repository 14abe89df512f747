import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react'
import { api, readError } from '../../api'
import { AppHeader } from './AppHeader'
import { ErrorBoundary } from '../ui/ErrorBoundary'
import { OverviewPage } from '../overview/OverviewPage'
import { Notice } from '../ui/Notice'
import { navigate, safeNext, useLocation } from './router'
import { parseRoute } from './routes'
import type { Session } from './session'
import { SessionContext } from './session'
import { SignInPage } from '../sign-in/SignInPage'
import type { User } from './api-types'

// The interviewer page carries survey-core (~1.5 MB): only those who key interviews load it.
const InterviewPage = lazy(() => import('../interviews/InterviewPage'))
// Wave pages carry chart.js: a chunk of their own, fetched on the first visit to one.
const WavePage = lazy(() => import('../waves/WavePage'))
const UsersPage = lazy(() => import('../admin/UsersPage'))
const ApiKeysPage = lazy(() => import('../admin/ApiKeysPage'))
const WebhooksPage = lazy(() => import('../admin/WebhooksPage'))
const SettingsPage = lazy(() => import('../admin/SettingsPage'))
const AccountPage = lazy(() => import('../account/AccountPage'))
const AlertsPage = lazy(() => import('../alerts/AlertsPage'))
const AlertPage = lazy(() => import('../alerts/AlertPage'))
const SurveysPage = lazy(() => import('../surveys/SurveysPage'))
const SurveyPage = lazy(() => import('../surveys/SurveyPage'))
const NewSurveyPage = lazy(() => import('../surveys/NewSurveyPage'))
const CataloguePage = lazy(() => import('../catalogue/CataloguePage'))
const MessagesPage = lazy(() => import('../messages/MessagesPage'))

type Me =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; user: User }
  | { kind: 'unreachable' }

export function App() {
  const { path, query, href } = useLocation()
  const route = parseRoute(path)
  const [me, setMe] = useState<Me>({ kind: 'loading' })
  const [check, setCheck] = useState(0)

  useEffect(() => {
    let cancelled = false
    api.api.me
      .$get()
      .then(async (res) => {
        if (cancelled) return
        if (res.ok) return setMe({ kind: 'signed-in', user: (await res.json()).user })
        const err = await readError(res)
        setMe(err.status === 401 ? { kind: 'signed-out' } : { kind: 'unreachable' })
      })
      .catch(() => !cancelled && setMe({ kind: 'unreachable' }))
    return () => {
      cancelled = true
    }
  }, [check])

  const signedOut = me.kind === 'signed-out'
  const signedIn = me.kind === 'signed-in'
  useEffect(() => {
    if (signedOut && path !== '/sign-in') {
      const next = path === '/' ? '' : `?next=${encodeURIComponent(href)}`
      navigate(`/sign-in${next}`, { replace: true })
    }
    if (signedIn && path === '/sign-in') navigate(safeNext(query.get('next')), { replace: true })
  }, [signedOut, signedIn, path, href, query])

  const expire = useCallback(() => setMe({ kind: 'signed-out' }), [])
  const session = useMemo<Session | null>(() => {
    if (me.kind !== 'signed-in') return null
    return {
      user: me.user,
      expire,
      signOut: async () => {
        await api.api.auth['sign-out']
          .$post(undefined, {
            init: { body: '{}', headers: { 'Content-Type': 'application/json' } },
          })
          .catch(() => undefined)
        navigate('/sign-in', { replace: true })
        setMe({ kind: 'signed-out' })
      },
    }
  }, [me, expire])

  if (me.kind === 'loading') return <p className="splash">Loading…</p>
  if (me.kind === 'unreachable') {
    return (
      <main className="page page--narrow">
        <Notice
          tone="error"
          title="The dashboard could not reach the server"
          action={{ label: 'Try again', onClick: () => setCheck((n) => n + 1) }}
        >
          Check the connection, or that <code>npm start</code> is running, then try again.
        </Notice>
      </main>
    )
  }
  if (!session) return <SignInPage onSignedIn={() => setCheck((n) => n + 1)} />

  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1}>
        <ErrorBoundary key={route.page}>
          <Suspense fallback={<p className="splash">Loading…</p>}>
            {route.page === 'overview' ? (
              <OverviewPage />
            ) : route.page === 'interview' ? (
              <InterviewPage />
            ) : route.page === 'wave' ? (
              <WavePage id={route.id} view={route.view} />
            ) : route.page === 'users' ? (
              <UsersPage />
            ) : route.page === 'api-keys' ? (
              <ApiKeysPage />
            ) : route.page === 'webhooks' ? (
              <WebhooksPage />
            ) : route.page === 'settings' ? (
              <SettingsPage />
            ) : route.page === 'account' ? (
              <AccountPage />
            ) : route.page === 'alerts' ? (
              <AlertsPage />
            ) : route.page === 'alert' ? (
              <AlertPage key={route.id} id={route.id} />
            ) : route.page === 'surveys' ? (
              <SurveysPage />
            ) : route.page === 'survey-new' ? (
              <NewSurveyPage />
            ) : route.page === 'survey' ? (
              <SurveyPage key={`${route.id}:${route.upload}`} id={route.id} upload={route.upload} />
            ) : route.page === 'catalogue' ? (
              <CataloguePage />
            ) : route.page === 'messages' ? (
              <MessagesPage />
            ) : (
              <Notice
                tone="info"
                title="Page not found"
                heading="h1"
                action={{ label: 'Go to the overview', onClick: () => navigate('/') }}
              >
                There is no page at {path}.
              </Notice>
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
    </SessionContext.Provider>
  )
}
