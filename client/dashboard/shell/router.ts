import { useMemo, useSyncExternalStore } from 'react'

const listeners = new Set<() => void>()

function subscribe(listener: () => void) {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

const snapshot = () => location.pathname + location.search

/** Moves to an in-app address without a page load; the server serves index.html for any path. */
export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === snapshot()) return
  if (options.replace) history.replaceState(null, '', to)
  else {
    history.pushState(null, '', to)
    window.scrollTo(0, 0)
  }
  for (const listener of listeners) listener()
}

export function useLocation() {
  const href = useSyncExternalStore(subscribe, snapshot)
  return useMemo(() => {
    const url = new URL(href, location.origin)
    return { href, path: url.pathname, query: url.searchParams }
  }, [href])
}

/** Only same-site paths: `?next=//evil.example` must not become an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in')
    ? next
    : '/'
}
