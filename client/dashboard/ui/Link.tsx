import type { AnchorHTMLAttributes, MouseEvent } from 'react'
import { navigate, useLocation } from '../shell/router'

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }

/** An ordinary link that the router follows in place; new-tab and modified clicks still work. */
export function Link({ to, onClick, ...rest }: Props) {
  const { path } = useLocation()
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e)
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return
    e.preventDefault()
    navigate(to)
  }
  return <a href={to} aria-current={path === to ? 'page' : undefined} onClick={follow} {...rest} />
}
