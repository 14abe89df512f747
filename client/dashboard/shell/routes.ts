export const waveViews = ['report', 'gaps', 'trend', 'periods', 'comments'] as const
export type WaveView = (typeof waveViews)[number]

export type Route =
  | { page: 'overview' }
  | { page: 'interview' }
  | { page: 'users' }
  | { page: 'api-keys' }
  | { page: 'webhooks' }
  | { page: 'settings' }
  | { page: 'account' }
  | { page: 'alerts' }
  | { page: 'alert'; id: string }
  | { page: 'wave'; id: string; view: WaveView }
  | { page: 'surveys' }
  | { page: 'survey-new' }
  | { page: 'survey'; id: string; upload: boolean }
  | { page: 'catalogue' }
  | { page: 'messages' }
  | { page: 'not-found' }

/** `/waves/<id>` is the wave's report; `/waves/<id>/<view>` its other pages. */
export function parseRoute(path: string): Route {
  if (path === '/' || path === '/sign-in') return { page: 'overview' }
  if (path === '/interview') return { page: 'interview' }
  if (path === '/users') return { page: 'users' }
  if (path === '/api-keys') return { page: 'api-keys' }
  if (path === '/webhooks') return { page: 'webhooks' }
  if (path === '/settings') return { page: 'settings' }
  if (path === '/account') return { page: 'account' }
  if (path === '/alerts' || path === '/alerts/') return { page: 'alerts' }
  if (path === '/surveys' || path === '/surveys/') return { page: 'surveys' }
  if (path === '/surveys/new') return { page: 'survey-new' }
  const survey = /^\/surveys\/([^/]+)(\/new-version)?\/?$/.exec(path)
  if (survey) return { page: 'survey', id: decodeURIComponent(survey[1]!), upload: !!survey[2] }
  if (path === '/catalogue' || path === '/catalogue/') return { page: 'catalogue' }
  if (path === '/messages' || path === '/messages/') return { page: 'messages' }
  const alert = /^\/alerts\/([^/]+)\/?$/.exec(path)
  if (alert) return { page: 'alert', id: decodeURIComponent(alert[1]!) }
  const m = /^\/waves\/([^/]+)(?:\/([a-z]+))?\/?$/.exec(path)
  if (m) {
    const view = (m[2] ?? 'report') as WaveView
    if (waveViews.includes(view)) return { page: 'wave', id: decodeURIComponent(m[1]!), view }
  }
  return { page: 'not-found' }
}

export const waveHref = (id: string, view: WaveView = 'report', query = '') =>
  `/waves/${encodeURIComponent(id)}${view === 'report' ? '' : `/${view}`}${query ? `?${query}` : ''}`

export const alertHref = (id: string) => `/alerts/${encodeURIComponent(id)}`

export const surveyHref = (id: string, upload = false) =>
  `/surveys/${encodeURIComponent(id)}${upload ? '/new-version' : ''}`
