import type { ApiIssue } from '../../api'
import type { Role } from '../account/roles'
import type { CatalogueItem } from './catalogue-api'

export const audiences = ['customer', 'wholesaler', 'retailer', 'employee'] as const
export type Audience = (typeof audiences)[number]

export const audienceNames: Record<Audience, string> = {
  customer: 'Customers',
  wholesaler: 'Wholesalers',
  retailer: 'Retailers',
  employee: 'Employees',
}

/** An item being edited: `id` keeps React's rows apart while keys are typed or repeated. */
export type Draft = {
  id: string
  key: string
  kind: 'attribute' | 'attitude'
  label: string
  /** Translations of the label (edited in the CSV); kept as they are when the table is saved. */
  labels: Record<string, string>
  description: string
  audiences: Audience[]
  /** Not saved yet: its key may still change, and follows its label until typed. */
  fresh: boolean
  keyTyped: boolean
}

export type DraftField = 'key' | 'kind' | 'label' | 'description' | 'audiences'
export type RowErrors = Partial<Record<DraftField, string>>

let next = 0
const newId = () => `item-${++next}`

export const toDrafts = (items: readonly CatalogueItem[]): Draft[] =>
  items.map((i) => ({
    id: newId(),
    key: i.key,
    kind: i.kind,
    label: i.label,
    labels: { ...(i.labels ?? {}) },
    description: i.description ?? '',
    audiences: [...i.audiences] as Audience[],
    fresh: false,
    keyTyped: true,
  }))

export const blankDraft = (): Draft => ({
  id: newId(),
  key: '',
  kind: 'attribute',
  label: '',
  labels: {},
  description: '',
  audiences: ['customer', 'wholesaler', 'retailer', 'employee'],
  fresh: true,
  keyTyped: false,
})

export const toItems = (drafts: readonly Draft[]): CatalogueItem[] =>
  drafts.map((d) => ({
    key: d.key.trim(),
    kind: d.kind,
    label: d.label,
    ...(Object.keys(d.labels).length > 0 && { labels: d.labels }),
    description: d.description.trim() || null,
    audiences:
      d.kind === 'attitude' ? ['employee'] : audiences.filter((a) => d.audiences.includes(a)),
  }))

/** `Speed of delivery` → `speed_of_delivery`: a new item's key until one is typed. */
export const keyFromLabel = (label: string) =>
  label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 64)

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list]
  const copy = [...list]
  const [moved] = copy.splice(from, 1)
  copy.splice(to, 0, moved!)
  return copy
}

/**
 * The server's refusal under each row's field (`items.3.label`); what names no row (the whole
 * list) comes back as `rest`.
 */
export function rowErrors(drafts: readonly Draft[], issues: readonly ApiIssue[]) {
  const byRow: Record<string, RowErrors> = {}
  const rest: string[] = []
  for (const issue of issues) {
    const m = /^items\.(\d+)\.(key|kind|label|description|audiences)/.exec(issue.path)
    const draft = m ? drafts[Number(m[1])] : undefined
    if (!m || !draft) {
      rest.push(issue.path === 'items' ? `The catalogue ${issue.message}.` : issue.message)
      continue
    }
    const field = m[2] as DraftField
    byRow[draft.id] = { ...byRow[draft.id], [field]: byRow[draft.id]?.[field] ?? issue.message }
  }
  return { byRow, rest }
}

/** Which audiences' surveys this role builds: the server's `canManage`. */
export const buildable = (role: Role): Audience[] =>
  audiences.filter((a) => role === 'admin' || (role === 'hr' ? a === 'employee' : a !== 'employee'))

export const canEdit = (role: Role) => role === 'admin' || role === 'manager'
