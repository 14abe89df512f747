import type { ReactNode } from 'react'

type Name = { 'aria-label': string } | { 'aria-labelledby': string }

/**
 * A table's frame (results.css): it scrolls sideways when the table is wider than the page, and
 * is a named region that takes focus, so keyboard users can scroll it too.
 */
export function TableFrame({ children, ...name }: Name & { children: ReactNode }) {
  return (
    <div className="table-frame" role="region" tabIndex={0} {...name}>
      {children}
    </div>
  )
}
