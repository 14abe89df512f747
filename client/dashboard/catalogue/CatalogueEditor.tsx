import { useEffect, useRef, useState } from 'react'
import { useSession } from '../shell/session'
import { Notice } from '../ui/Notice'
import { toFailure } from '../ui/use-load'
import type { Catalogue } from './catalogue-api'
import { catalogueApi } from './catalogue-api'
import type { Draft, DraftField, RowErrors } from './catalogue-edit'
import { audienceNames, audiences, blankDraft, move, rowErrors, toItems } from './catalogue-edit'
import { ItemRow } from './ItemRow'

// Column heads where the table is at its narrowest (60–72rem).
const shortNames = { customer: 'Cust.', wholesaler: 'Whsl.', retailer: 'Retail', employee: 'Staff' }

// The order a row shows its fields in: the focus goes to the first one in error.
const fieldOrder: DraftField[] = ['label', 'description', 'key', 'kind', 'audiences']

type Props = {
  drafts: Draft[]
  setDrafts: (drafts: Draft[]) => void
  dirty: boolean
  onSaved: (saved: Catalogue) => void
}

/** The catalogue as an editable list: add, remove, reorder (buttons, so keyboards can), save. */
export function CatalogueEditor({ drafts, setDrafts, dirty, onSaved }: Props) {
  const { expire } = useSession()
  const [errors, setErrors] = useState<Record<string, RowErrors>>({})
  const [problem, setProblem] = useState<string[]>([])
  const [status, setStatus] = useState('')
  const [busy, setBusy] = useState(false)
  const focus = useRef<{ id: string; action: string } | null>(null)
  const list = useRef<HTMLOListElement>(null)

  // After a move, the focus stays on the moved item's button (or its other one at an end).
  useEffect(() => {
    const wanted = focus.current
    if (!wanted || !list.current) return
    focus.current = null
    const row = list.current.querySelector(`[data-row="${wanted.id}"]`)
    const button =
      row?.querySelector<HTMLButtonElement>(`[data-action="${wanted.action}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>(
        '[data-action="up"]:not(:disabled), [data-action="down"]:not(:disabled)',
      )
    button?.focus()
  })

  const change = (next: Draft) => {
    const before = drafts.find((d) => d.id === next.id)
    setDrafts(drafts.map((d) => (d.id === next.id ? next : d)))
    setStatus('')
    // A field's refusal goes once the field changes; the others stay until the next save.
    const refused = errors[next.id]
    if (refused && before) {
      const same = (f: string) =>
        JSON.stringify(before[f as DraftField]) === JSON.stringify(next[f as DraftField])
      const kept = Object.fromEntries(Object.entries(refused).filter(([f]) => same(f)))
      setErrors({ ...errors, [next.id]: kept })
    }
  }

  function add() {
    const draft = blankDraft()
    setDrafts([...drafts, draft])
    setStatus('')
    focus.current = null
    requestAnimationFrame(() => document.getElementById(`${draft.id}-label`)?.focus())
  }

  function remove(index: number) {
    const gone = drafts[index]!
    const rest = drafts.filter((_, i) => i !== index)
    setDrafts(rest)
    const { [gone.id]: _, ...others } = errors
    setErrors(others)
    if (Object.keys(others).length === 0) setProblem([])
    setStatus(`Removed ${gone.label || gone.key || 'the item'}; save to make it final.`)
    const neighbour = rest[Math.min(index, rest.length - 1)]
    requestAnimationFrame(() =>
      (neighbour
        ? document.getElementById(`${neighbour.id}-label`)
        : document.getElementById('catalogue-add')
      )?.focus(),
    )
  }

  async function save() {
    if (busy) return
    setBusy(true)
    setProblem([])
    setStatus('')
    try {
      const saved = await catalogueApi.save(toItems(drafts))
      setErrors({})
      onSaved(saved)
      setStatus(`Saved: ${saved.items.length} items.`)
    } catch (err) {
      const failure = toFailure(err)
      if (failure.status === 401) return expire()
      const { byRow, rest } = rowErrors(drafts, failure.issues)
      setErrors(byRow)
      const rows = Object.keys(byRow).length
      setProblem(
        rest.length > 0 || rows === 0
          ? [...rest, ...(rest.length === 0 ? [failure.message] : [])]
          : [
              `Nothing was saved: ${rows === 1 ? 'one item needs' : `${rows} items need`} a fix (marked above).`,
            ],
      )
      const first = drafts.find((d) => byRow[d.id])
      if (first) {
        const field = fieldOrder.find((f) => byRow[first.id]![f])
        const target =
          document.getElementById(`${first.id}-${field}`) ??
          document.querySelector<HTMLElement>(
            `[data-row="${first.id}"] input, [data-row="${first.id}"] select`,
          )
        target?.focus()
      }
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="card catalogue-card" aria-labelledby="catalogue-items-title">
      <h2 id="catalogue-items-title">Items</h2>
      {drafts.length === 0 ? (
        <Notice tone="info" title="The catalogue is empty" heading="h3">
          <p>
            Add the attributes customers and partners rate you on, or import a CSV. Surveys need at
            least one attribute.
          </p>
        </Notice>
      ) : (
        <>
          {/* Column heads for the one-row-per-item layout; each field keeps its own label. */}
          <div className="catalogue-columns" aria-hidden="true">
            <span>#</span>
            <span>Label and key</span>
            <span>Description</span>
            <span>Kind</span>
            <span className="catalogue-columns__audiences">
              {audiences.map((a) => (
                <span key={a}>
                  <span className="catalogue-columns__long">{audienceNames[a]}</span>
                  <span className="catalogue-columns__short">{shortNames[a]}</span>
                </span>
              ))}
            </span>
            <span />
          </div>
          <ol className="catalogue-list" ref={list}>
            {drafts.map((draft, index) => (
              <ItemRow
                key={draft.id}
                draft={draft}
                index={index}
                count={drafts.length}
                errors={errors[draft.id]}
                onChange={change}
                onMove={(to) => {
                  focus.current = { id: draft.id, action: to < index ? 'up' : 'down' }
                  setDrafts(move(drafts, index, to))
                  setStatus(`Moved ${draft.label || draft.key} to position ${to + 1}.`)
                }}
                onRemove={() => remove(index)}
              />
            ))}
          </ol>
        </>
      )}
      <p className="catalogue-status" role="status">
        {status}
      </p>
      {problem.length > 0 && (
        <div className="form-error" role="alert">
          {problem.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      )}
      <div className="actions catalogue-actions">
        <button type="button" id="catalogue-add" className="button button--quiet" onClick={add}>
          Add an item
        </button>
        <button type="button" className="button" disabled={busy} onClick={save}>
          {busy ? 'Saving…' : 'Save catalogue'}
        </button>
        {dirty && <span className="catalogue-dirty">Unsaved changes</span>}
      </div>
    </section>
  )
}
