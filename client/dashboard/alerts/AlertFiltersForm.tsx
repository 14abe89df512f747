import { useState } from 'react'
import type { AlertFilters } from './alert-filters'
import { isFiltered, noFilters } from './alert-filters'
import type { Status } from './alert-format'
import { statuses, statusLabel } from './alert-format'

type Props = {
  filters: AlertFilters
  me: string
  waves: readonly { id: string; name: string }[]
  overdueDays?: number
  onChange: (next: AlertFilters) => void
}

const OTHER = '\u0000other'

/** The list's filters; each change shows at once and is kept in the page's address. */
export function AlertFiltersForm({ filters, me, waves, overdueDays, onChange }: Props) {
  const known = filters.owner === '' || filters.owner === 'unassigned' || filters.owner === me
  // "Someone else…" chosen, before an email is given; an email from the address keeps it open.
  const [choosing, setChoosing] = useState(false)
  const otherOpen = choosing || !known
  const [other, setOther] = useState(known ? '' : filters.owner)
  const set = (patch: Partial<AlertFilters>) => onChange({ ...filters, ...patch })
  const listed = waves.some((w) => w.id === filters.wave)
  return (
    <form
      className="alert-filters"
      aria-label="Filter the follow-ups"
      onSubmit={(e) => {
        e.preventDefault()
        const email = other.trim().toLowerCase()
        if (!otherOpen || !email) return
        setChoosing(false)
        set({ owner: email })
      }}
    >
      <div className="alert-filters__control">
        <label htmlFor="alert-status">Status</label>
        <select
          id="alert-status"
          value={filters.status}
          onChange={(e) => set({ status: e.currentTarget.value as Status | '' })}
        >
          <option value="">Any status</option>
          {statuses.map((s) => (
            <option key={s} value={s}>
              {statusLabel[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="alert-filters__control">
        <label htmlFor="alert-owner">Owner</label>
        <select
          id="alert-owner"
          value={otherOpen ? OTHER : filters.owner}
          onChange={(e) => {
            const v = e.currentTarget.value
            setChoosing(v === OTHER)
            if (v !== OTHER) set({ owner: v })
          }}
        >
          <option value="">Anyone</option>
          <option value={me}>Me ({me})</option>
          <option value="unassigned">Unassigned</option>
          <option value={OTHER}>Someone else…</option>
        </select>
      </div>
      {otherOpen && (
        <div className="alert-filters__control alert-filters__other">
          <label htmlFor="alert-owner-email">Owner’s email</label>
          <div className="alert-filters__inline">
            <input
              id="alert-owner-email"
              type="email"
              autoComplete="off"
              value={other}
              onChange={(e) => setOther(e.currentTarget.value)}
            />
            <button type="submit" className="button button--quiet button--small">
              Show
            </button>
          </div>
        </div>
      )}
      <div className="alert-filters__control">
        <label htmlFor="alert-wave">Wave</label>
        <select
          id="alert-wave"
          value={filters.wave}
          onChange={(e) => set({ wave: e.currentTarget.value })}
        >
          <option value="">Every wave</option>
          {!listed && filters.wave && <option value={filters.wave}>{filters.wave}</option>}
          {waves.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
      </div>
      <label className="check alert-filters__overdue">
        <input
          type="checkbox"
          checked={filters.overdue}
          onChange={(e) => set({ overdue: e.currentTarget.checked })}
        />
        <span>
          Overdue only
          <span className="alert-filters__hint">
            {overdueDays
              ? `Not resolved ${overdueDays} days after it was raised`
              : 'Not resolved in time'}
          </span>
        </span>
      </label>
      {isFiltered(filters) && (
        <button
          type="button"
          className="button button--quiet button--small alert-filters__clear"
          onClick={() => {
            setChoosing(false)
            setOther('')
            onChange(noFilters)
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  )
}
