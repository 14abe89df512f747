export interface TableColumn {
  readonly title: string
  readonly align?: 'left' | 'right'
  readonly cells: readonly string[]
  /** Dropped when every cell is empty or '–'. */
  readonly optional?: boolean
}

const pad = (s: string, w: number, align: 'left' | 'right' = 'left') =>
  align === 'right' ? s.padStart(w) : s.padEnd(w)

function clip(s: string, w: number) {
  return s.length <= w ? s : `${s.slice(0, Math.max(1, w - 1))}…`
}

/**
 * A Markdown pipe table padded so it also reads well as plain text. Optional columns with nothing
 * to show are dropped; when the table is wider than `maxWidth`, the first column is clipped (…).
 */
export function mdTable(table: readonly TableColumn[], maxWidth = 100): string[] {
  const columns = table.map((c) => ({ ...c, cells: c.cells.map((v) => v.replace(/\|/g, '\\|')) }))
  const shown = columns.filter((c) => !c.optional || c.cells.some((v) => v !== '' && v !== '–'))
  const widths = shown.map((c) => Math.max(c.title.length, ...c.cells.map((v) => v.length), 3))
  const total = () => widths.reduce((a, b) => a + b + 3, 1)
  if (total() > maxWidth) widths[0] = Math.max(12, widths[0]! - (total() - maxWidth))
  const rows = shown[0]?.cells.length ?? 0
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const out = [
    line(shown.map((c, i) => pad(clip(c.title, widths[i]!), widths[i]!, c.align))),
    line(
      shown.map((c, i) =>
        c.align === 'right' ? `${'-'.repeat(widths[i]! - 1)}:` : '-'.repeat(widths[i]!),
      ),
    ),
  ]
  for (let r = 0; r < rows; r++) {
    out.push(line(shown.map((c, i) => pad(clip(c.cells[r]!, widths[i]!), widths[i]!, c.align))))
  }
  return out
}
