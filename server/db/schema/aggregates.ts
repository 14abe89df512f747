import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

import { BLOCK_WIDTH } from '../../../reports/layout'
import { waves } from './waves'

// One wave's aggregates (or a release's copy of them) in blocks: wave, group, block and
// BLOCK_WIDTH integer counters v0…v95, cells block·BLOCK_WIDTH + i of the group's layout
// (reports/layout.ts), so one response writes a few rows per group, not one per cell.
const counter = (i: number) => integer(`v${i}`).notNull().default(0)
const counters = Object.fromEntries(
  Array.from({ length: BLOCK_WIDTH }, (_, i) => [`v${i}`, counter(i)]),
) as Record<`v${number}`, ReturnType<typeof counter>>

const blockTable = (name: string) =>
  sqliteTable(
    name,
    {
      waveId: text('wave_id')
        .notNull()
        .references(() => waves.id),
      groupKey: text('group_key').notNull(),
      block: integer('block').notNull(),
      ...counters,
    },
    (t) => [primaryKey({ columns: [t.waveId, t.groupKey, t.block] })],
  )

/**
 * Report aggregates (reports/ defines the cells): integer counts, sums and cross-products per
 * wave, group (audience or audience/segment=value) and block of cells, kept up to date in the
 * same atomic write as each response so a report reads a few hundred rows at any wave size.
 */
export const aggregateBlocks = blockTable('aggregate_blocks')

// The storage before blocks: one row per (wave, group, cell key). Rows left by an older version
// are converted into blocks at start-up (legacy-aggregates.ts), after which these tables stay
// empty; a later migration drops them (once every installation has run the conversion).
const cellTable = (name: string) =>
  sqliteTable(
    name,
    {
      waveId: text('wave_id')
        .notNull()
        .references(() => waves.id),
      groupKey: text('group_key').notNull(),
      cell: text('cell').notNull(),
      value: integer('value').notNull(),
    },
    (t) => [primaryKey({ columns: [t.waveId, t.groupKey, t.cell] })],
  )
export const legacyAggregateCells = cellTable('aggregate_cells')
export const legacyReleaseCells = cellTable('release_cells')

/**
 * The released results of an anonymous (employee) wave, which is what HR and admin read: a copy
 * of its aggregates taken only when every group shown gained no answers or at least k per item,
 * or at close, so no change can be pinned on one person (SPEC §6a). One release per wave is kept.
 */
export const releases = sqliteTable('releases', {
  waveId: text('wave_id')
    .primaryKey()
    .references(() => waves.id),
  seq: integer('seq').notNull(),
  responses: integer('responses').notNull(),
  final: integer('final', { mode: 'boolean' }).notNull().default(false),
  releasedAt: integer('released_at', { mode: 'timestamp' }).notNull(),
})

export const releaseBlocks = blockTable('release_blocks')
