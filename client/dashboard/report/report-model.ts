import type { WaveReport } from '../shell/api-types'

export type AnyGroup = WaveReport['groups'][number]
export type Group = Extract<AnyGroup, { suppressed: false }>
export type SuppressedGroup = Extract<AnyGroup, { suppressed: true }>
export type AttributeRow = Group['attributes'][number]
export type GapRow = WaveReport['gaps'][number]
export type Csi = Group['csi']
export type ImportanceModel = Group['importanceModel']
export type ImportanceSource = NonNullable<ImportanceModel['crosshair']['source']>

export const isShown = (g: AnyGroup): g is Group => !g.suppressed

/** An audience's total group (no segment); null when the report has none or it is suppressed. */
export function totalOf(report: Pick<WaveReport, 'groups'>, audience: string): Group | null {
  const g = report.groups.find((x) => x.audience === audience && x.segment === null)
  return g && isShown(g) ? g : null
}

/** Segment groups by column, in the order of `by`, each column's values as served. */
export function segmentTables(groups: readonly AnyGroup[], by: readonly string[]) {
  return by.map((column) => ({
    column,
    groups: groups.filter((g) => g.segment?.column === column),
  }))
}

/** The importance figure an attribute is plotted and sorted by, in the model's source. */
export function importanceOf(row: AttributeRow, source: ImportanceSource | null): number | null {
  return source === null ? null : row.importance[source]
}

export type SortKey = 'label' | 'n' | 'mean' | 'importance'
export type Sort = { key: SortKey; dir: 'ascending' | 'descending' } | null

/**
 * The table's rows sorted by one column; `null` keeps the server's order. Missing values go
 * last in either direction; ties keep the server's order.
 */
export function sortAttributes(
  rows: readonly AttributeRow[],
  sort: Sort,
  label: (key: string) => string,
  source: ImportanceSource | null,
): AttributeRow[] {
  if (!sort) return [...rows]
  const sign = sort.dir === 'ascending' ? 1 : -1
  const value = (r: AttributeRow): number | string | null =>
    sort.key === 'label'
      ? label(r.key)
      : sort.key === 'importance'
        ? importanceOf(r, source)
        : r[sort.key]
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1
      const c =
        typeof a.v === 'string'
          ? a.v.localeCompare(b.v as string, undefined, { sensitivity: 'base' })
          : a.v - (b.v as number)
      return sign * c || a.i - b.i
    })
    .map((x) => x.r)
}

/** Next state of a column header click: the same column flips; a new one starts A–Z or high–low. */
export function nextSort(current: Sort, key: SortKey): NonNullable<Sort> {
  if (current?.key === key)
    return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' }
  return { key, dir: key === 'label' ? 'ascending' : 'descending' }
}

/** The order the server served, as a sort state, so `aria-sort` tells the truth from the start. */
export function servedSort(sort: string): Sort {
  return sort === 'mean'
    ? { key: 'mean', dir: 'descending' }
    : sort === 'importance'
      ? { key: 'importance', dir: 'descending' }
      : null
}
