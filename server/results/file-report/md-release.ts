import type { AttitudeGroup, AttitudeRow } from '../../../reports'
import { count, interval, mean, percent, score } from './format'
import type { ReleaseInfo } from '../released-results'
import { mdTable } from './md-table'

/** What the server adds to an employee wave's report: the attitude table. */
export type HrAttitude = {
  items: readonly { key: string; label: string }[]
  groups: readonly AttitudeGroup[]
}

/** Which release the numbers come from, and why newer answers wait (SPEC §6a). */
export function releaseLines(r: ReleaseInfo): string[] {
  if (r.seq === null)
    return [
      `Employee results: nothing released yet. Results are released once every group shown has at least ${r.minGroup} answers, or when the wave closes.`,
      '',
    ]
  const day = r.releasedAt?.slice(0, 10) ?? ''
  const head = r.final
    ? `Employee results: final release (${count(r.responses)} responses, wave closed ${day}).`
    : `Employee results: release ${r.seq} of ${day}, ${count(r.responses)} responses.`
  const held = r.pending
    ? ` Newer responses are held back until at least ${r.minGroup} more have arrived in every group with new answers, or until the wave closes.`
    : ''
  return [`${head}${held}`, '']
}

const cell = (row: AttitudeRow, f: (r: AttitudeRow) => string) =>
  row.suppressed ? 'withheld' : row.n === 0 ? '–' : f(row)

/** The HR attitude table of the wave (and of each group shown), in the CLI's markdown. */
export function attitudeLines(a: HrAttitude, groupTitle: (key: string) => string): string[] {
  if (a.items.length === 0) return []
  const label = Object.fromEntries(a.items.map((i) => [i.key, i.label]))
  return [
    '## Staff attitude',
    '',
    ...a.groups.flatMap((g) => [
      `### ${groupTitle(g.group)}`,
      '',
      ...mdTable([
        { title: 'item', cells: g.rows.map((r) => label[r.key] ?? r.key) },
        { title: 'n', align: 'right', cells: g.rows.map((r) => cell(r, () => count(r.n))) },
        {
          title: 'mean',
          align: 'right',
          cells: g.rows.map((r) => cell(r, () => mean(r.mean?.mean))),
        },
        {
          title: '95% CI',
          align: 'right',
          cells: g.rows.map((r) => cell(r, () => interval(r.mean?.ciLow, r.mean?.ciHigh))),
        },
        { title: '/10', align: 'right', cells: g.rows.map((r) => cell(r, () => score(r.score10))) },
        { title: 'band', cells: g.rows.map((r) => cell(r, () => r.band ?? '–')) },
        {
          title: 'top-2',
          align: 'right',
          cells: g.rows.map((r) => cell(r, () => percent(r.top2?.p))),
        },
      ]),
      '',
    ]),
  ]
}
