import { useEffect, useRef, useState } from 'react'
import { api, readError } from '../../api'
import { ContactRow } from './ContactRow'
import { LoadFailed, Notice } from '../ui/Notice'
import type { Invitee } from '../shell/api-types'
import { toFailure, useLoad } from '../ui/use-load'

const PAGE_SIZE = 25
const DEBOUNCE_MS = 250

type Page = { invitations: Invitee[]; next: string | null }

async function fetchPage(waveId: string, q: string, after: string, signal?: AbortSignal) {
  const res = await api.api.waves[':id'].invitations.$get(
    { param: { id: waveId }, query: { q, after, limit: String(PAGE_SIZE) } },
    { init: { signal } },
  )
  if (!res.ok) throw await readError(res)
  return (await res.json()) as Page
}

type Props = {
  waveId: string
  query: string
  onQueryChange: (q: string) => void
  /** Changes after a saved interview: the list is fetched again. */
  version: number
  onPick: (invitee: Invitee) => void
}

export function ContactSearch({ waveId, query, onQueryChange, version, onPick }: Props) {
  const [text, setText] = useState(query)
  const input = useRef<HTMLInputElement>(null)
  const first = useLoad((signal) => fetchPage(waveId, query, '', signal), [waveId, query, version])
  const [extra, setExtra] = useState<{ base: Page; items: Invitee[]; next: string | null }>()
  const [more, setMore] = useState<{ busy: boolean; error?: string }>({ busy: false })

  useEffect(() => input.current?.focus(), [])
  useEffect(() => {
    const timer = setTimeout(() => onQueryChange(text.trim()), DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, onQueryChange])

  const base = first.data
  const ours = extra && extra.base === base ? extra : undefined
  const items = base ? [...base.invitations, ...(ours?.items ?? [])] : []
  const next = ours ? ours.next : (base?.next ?? null)

  async function showMore() {
    if (!base || !next) return
    setMore({ busy: true })
    try {
      const page = await fetchPage(waveId, query, next)
      setExtra({ base, items: [...(ours?.items ?? []), ...page.invitations], next: page.next })
      setMore({ busy: false })
    } catch (err) {
      setMore({ busy: false, error: toFailure(err).message })
    }
  }

  const searching = first.loading || text.trim() !== query
  const summary = searching
    ? 'Searching…'
    : !base
      ? ''
      : query
        ? `${items.length}${next ? '+' : ''} ${items.length === 1 ? 'contact matches' : 'contacts match'} “${query}”`
        : `${items.length}${next ? '+' : ''} ${items.length === 1 ? 'contact' : 'contacts'} in this wave`

  return (
    <section aria-labelledby="find-title">
      <h2 id="find-title">Find the contact</h2>
      <form
        role="search"
        className="search"
        onSubmit={(e) => {
          e.preventDefault()
          onQueryChange(text.trim())
        }}
      >
        <label htmlFor="contact-search">Name or email</label>
        <input
          ref={input}
          id="contact-search"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. ana or ana@example.com"
        />
      </form>
      <p role="status" className="search-summary">
        {summary}
      </p>
      {first.error ? (
        <LoadFailed what="contacts" error={first.error} reload={first.reload} heading="h3" />
      ) : base && items.length === 0 && !searching ? (
        query ? (
          <Notice
            tone="info"
            title={`No contacts match “${query}”`}
            heading="h3"
            action={{ label: 'Clear the search', onClick: () => setText('') }}
          >
            Check the spelling, or search by part of the email address.
          </Notice>
        ) : (
          <Notice tone="info" title="No contacts in this wave yet" heading="h3">
            <p>Import the contact list from the command line:</p>
            <pre>
              <code>npx csi contacts import contacts.csv --wave {waveId}</code>
            </pre>
          </Notice>
        )
      ) : (
        <ul className="contact-list" aria-busy={searching}>
          {items.map((invitee) => (
            <li key={invitee.id}>
              <ContactRow invitee={invitee} onPick={onPick} />
            </li>
          ))}
        </ul>
      )}
      {next && !first.error && (
        <div className="actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={showMore}
            disabled={more.busy}
          >
            {more.busy ? 'Loading…' : 'Show more contacts'}
          </button>
          {more.error && (
            <p role="alert" className="form-error">
              {more.error}
            </p>
          )}
        </div>
      )}
    </section>
  )
}
