const KEY = 'csi.alerts.list'

/** The list as last filtered, so "Follow-ups" on a follow-up's page goes back to the same view. */
export function rememberList(href: string) {
  try {
    sessionStorage.setItem(KEY, href)
  } catch {
    // Storage off (private mode, quota): the link falls back to the plain list.
  }
}

export function listHref(): string {
  try {
    const href = sessionStorage.getItem(KEY)
    return href?.startsWith('/alerts') ? href : '/alerts'
  } catch {
    return '/alerts'
  }
}
