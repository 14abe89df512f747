import Papa from 'papaparse'
import { toCsv, unescapeFormula } from '../lib/csv'
import { sniffDelimiter } from '../lib/csv-delimiter'
import { normaliseHeader } from '../lib/csv-header'
import type { Issue } from '../lib/errors'
import type { CatalogueItem } from '../surveys/catalogue-items'
import { audiences } from '../surveys/types'
import { catalogueItem, catalogueItems } from './schemas'

/** One column per audience, ticked `yes`: the layout that is easiest to edit in a spreadsheet. */
export const catalogueColumns = ['key', 'kind', 'label', 'description', ...audiences] as const

const ticked = /^(yes|y|x|1|true|✓)$/i
const unticked = /^(no|n|0|false|)$/i

/** A translated label's column: `label_de`, `label_fr-CA`. */
const LABEL_PREFIX = 'label_'

export function catalogueCsv(items: readonly CatalogueItem[]): string {
  // One column per language any item is translated into, after the audiences.
  const languages = [...new Set(items.flatMap((i) => Object.keys(i.labels ?? {})))].sort()
  const rows = items.map((item) => [
    item.key,
    item.kind,
    item.label,
    item.description ?? '',
    ...audiences.map((a) => (item.audiences.includes(a) ? 'yes' : '')),
    ...languages.map((l) => item.labels?.[l] ?? ''),
  ])
  return toCsv(rows, [...catalogueColumns, ...languages.map((l) => LABEL_PREFIX + l)])
}


type Parsed = { items: CatalogueItem[]; issues: [] } | { items: null; issues: Issue[] }

/**
 * A catalogue from CSV text (header = row 1, as a spreadsheet numbers rows), all or nothing:
 * every bad row is reported with its row number and column, blank rows are skipped.
 */
export function parseCatalogueCsv(text: string): Parsed {
  const { data } = Papa.parse<string[]>(text, { delimiter: sniffDelimiter(text.slice(0, 65536)) })
  const [head = [], ...body] = data
  const header = normaliseHeader(head)
  const missing = catalogueColumns.filter(
    (c) => c !== 'description' && c !== 'kind' && !header.includes(c),
  )
  if (missing.length > 0)
    return {
      items: null,
      issues: [{ path: 'row 1', message: `the header lacks ${missing.join(', ')}` }],
    }
  const issues: Issue[] = []
  const items: CatalogueItem[] = []
  const rowOf: number[] = []
  body.forEach((cells, i) => {
    const row = i + 2
    if (cells.every((c) => c.trim() === '')) return
    const cell = (name: string) => {
      const at = header.indexOf(name)
      return at < 0 ? '' : unescapeFormula((cells[at] ?? '').trim())
    }
    const rated: string[] = []
    let ticks = 0
    for (const a of audiences) {
      const value = cell(a)
      if (ticked.test(value)) rated.push(a)
      if (!unticked.test(value)) ticks++
      if (!ticked.test(value) && !unticked.test(value))
        issues.push({ path: `row ${row}.${a}`, message: `"${value}" is neither yes nor blank` })
    }
    const labels: Record<string, string> = {}
    for (const name of header)
      if (name.startsWith(LABEL_PREFIX) && cell(name)) labels[name.slice(LABEL_PREFIX.length)] = cell(name)
    const parsed = catalogueItem.safeParse({
      key: cell('key'),
      kind: cell('kind') || 'attribute',
      label: cell('label'),
      ...(Object.keys(labels).length > 0 && { labels }),
      description: cell('description'),
      audiences: rated,
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        // An unreadable tick is reported already; "tick at least one" would only repeat it.
        if (issue.path[0] === 'audiences' && rated.length < ticks) continue
        // A bad language tag is named by its column, as the file has it.
        const [field, tag] = issue.path
        const where = field === 'labels' ? `${LABEL_PREFIX}${String(tag)}` : issue.path.join('.')
        issues.push({ path: `row ${row}.${where}`, message: issue.message })
      }
      return
    }
    items.push(parsed.data)
    rowOf.push(row)
  })
  if (issues.length === 0) {
    const whole = catalogueItems.safeParse(items)
    for (const issue of whole.success ? [] : whole.error.issues) {
      const [index, ...field] = issue.path
      issues.push({
        path: typeof index === 'number' ? `row ${rowOf[index]}.${field.join('.')}` : 'csv',
        message: issue.message,
      })
    }
  }
  return issues.length > 0 ? { items: null, issues } : { items, issues: [] }
}
