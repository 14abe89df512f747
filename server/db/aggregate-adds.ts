// The contract between the aggregate storage (blocks of integer counters) and the writers that
// add to it (a submission, an import, a group commit). Statements for these adds are made by
// server/db/aggregates.ts; the Node group commit folds the adds of a whole batch first.

import { BLOCK_WIDTH } from '../../reports/layout'

/** Counters per stored row: a group's cells, in layout order, are cut into blocks this wide. */
export { BLOCK_WIDTH }

/**
 * One increment to one stored row of a wave's aggregates: `values[i]` is added to counter
 * `block * BLOCK_WIDTH + i` of `group` (zeros where untouched; length BLOCK_WIDTH).
 */
export type AggregateAdd = {
  readonly waveId: string
  readonly group: string
  readonly block: number
  readonly values: readonly number[]
}

/** Adds to the same (wave, group, block) summed into one; rows that sum to all zeros dropped. */
export function foldAdds(adds: readonly AggregateAdd[]): AggregateAdd[] {
  const acc = new Map<string, { waveId: string; group: string; block: number; values: number[] }>()
  for (const a of adds) {
    const key = `${a.waveId}\u0000${a.group}\u0000${a.block}`
    let row = acc.get(key)
    if (!row) {
      row = {
        waveId: a.waveId,
        group: a.group,
        block: a.block,
        values: new Array(BLOCK_WIDTH).fill(0),
      }
      acc.set(key, row)
    }
    for (let i = 0; i < a.values.length; i++) row.values[i] = row.values[i]! + a.values[i]!
  }
  return [...acc.values()].filter((r) => r.values.some((v) => v !== 0))
}
