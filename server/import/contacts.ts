import { and, eq, sql } from 'drizzle-orm'
import { audiences, invitations, optOuts, importRows } from '../db/schema'
import { rawStatement } from '../db/atomic'
import type { Store } from '../db/client'
import type { Wave } from '../db/waves'
import { cleanCell, isEmail, normaliseHeader, segmentName } from './csv-header'
import type { RowProblem } from './staging'
import {
  ImportRefused,
  LISTED_PROBLEMS,
  Staging,
  newImportId,
  sweepAbandonedImports,
} from './staging'

export type ContactImportResult = {
  rows: number
  added: number
  updated: number
  /** Contacts whose address opted out earlier: imported, never emailed. */
  optedOut: number
  segments: string[]
}

const known = new Set(['email', 'name', 'audience', 'owner'])

/**
 * Imports a wave's contact list (CSV rows, header first): every row is checked — email syntax,
 * audience, owner, duplicates — before anything is stored, and all rows land in one atomic write
 * or none do. A contact already in the wave is updated (name, owner, segments), not duplicated.
 */
export async function importContacts(
  store: Store,
  wave: Wave,
  rows: AsyncIterable<string[][]>,
  opts: { now?: Date; onProgress?: (rows: number) => void } = {},
): Promise<ContactImportResult> {
  const now = opts.now ?? new Date()
  await sweepAbandonedImports(store.db, now)
  const staging = new Staging(store, newImportId(now))
  const problems: RowProblem[] = []
  let total = 0
  const refuse = (row: number, message: string) => {
    if (total++ < LISTED_PROBLEMS) problems.push({ row, message })
  }
  let header: string[] | null = null
  let segments: { name: string; index: number }[] = []
  let col: Record<string, number> = {}
  let rowNo = 0
  let count = 0
  try {
    for await (const batch of rows)
      for (const cells of batch) {
        rowNo++
        if (!header) {
          header = normaliseHeader(cells)
          const seen = new Set<string>()
          for (const name of header) {
            if (name && seen.has(name))
              throw new ImportRefused([{ row: 1, message: `column "${name}" appears twice` }], 1)
            seen.add(name)
          }
          if (!seen.has('email'))
            throw new ImportRefused(
              [{ row: 1, message: 'no "email" column (the header must name one)' }],
              1,
            )
          col = Object.fromEntries(
            header.map((n, i) => [n, i]).filter(([n]) => known.has(n as string)),
          )
          segments = header
            .map((name, index) => ({ name, index }))
            .filter((s) => s.name && !known.has(s.name))
          const bad = segments.filter((s) => !segmentName.test(s.name))
          if (bad.length) {
            throw new ImportRefused(
              bad.map((s) => ({
                row: 1,
                message: `column "${s.name}": use letters, digits, spaces, _ . or - (at most 64)`,
              })),
              bad.length,
            )
          }
          continue
        }
        if (cells.every((c) => c.trim() === '')) continue
        count++
        if (count % 10_000 === 0) opts.onProgress?.(count)
        const email = cleanCell(cells[col.email!]).toLowerCase()
        const name = cleanCell(cells[col.name ?? -1]).slice(0, 200)
        const owner = cleanCell(cells[col.owner ?? -1]).toLowerCase()
        const audience = cleanCell(cells[col.audience ?? -1]).toLowerCase()
        const issues: string[] = []
        if (!email) issues.push('email: empty')
        else if (!isEmail(email))
          issues.push(`email: "${cells[col.email!]}" is not an email address`)
        if (owner && !isEmail(owner)) issues.push(`owner: "${owner}" is not an email address`)
        if (audience && !(audiences as readonly string[]).includes(audience)) {
          issues.push(`audience: "${audience}" is not one of ${audiences.join(', ')}`)
        } else if (audience && audience !== wave.audience) {
          issues.push(
            `audience: "${audience}" does not match this wave's audience "${wave.audience}"`,
          )
        }
        if (issues.length) {
          refuse(rowNo, issues.join('; '))
          continue
        }
        const values: Record<string, string> = {}
        for (const s of segments) {
          const v = cleanCell(cells[s.index]).slice(0, 200)
          if (v) values[s.name] = v
        }
        await staging.add({
          rowNo,
          key: email,
          payload: JSON.stringify({ n: name || null, o: owner || null, s: values }),
        })
      }
    if (!header) throw new ImportRefused([{ row: 1, message: 'the file is empty' }], 1)
    await staging.flush()
    for (const d of await staging.duplicates(LISTED_PROBLEMS)) {
      for (const row of d.rows.slice(1)) refuse(row, `email: ${d.key} is also on row ${d.rows[0]}`)
    }
    if (total > 0)
      throw new ImportRefused(
        problems.sort((a, b) => a.row - b.row),
        total,
      )
    if (count === 0)
      throw new ImportRefused([{ row: 2, message: 'the file has a header but no contacts' }], 1)

    const inStaging = and(eq(importRows.importId, staging.importId))
    const [existing] = await store.db
      .select({ n: sql<number>`count(*)` })
      .from(importRows)
      .innerJoin(
        invitations,
        and(eq(invitations.waveId, wave.id), eq(invitations.email, importRows.key)),
      )
      .where(inStaging)
    const [opted] = await store.db
      .select({ n: sql<number>`count(*)` })
      .from(importRows)
      .innerJoin(optOuts, eq(optOuts.email, importRows.key))
      .where(inStaging)
    await store.atomic([
      rawStatement(
        store.db,
        sql`
        insert into ${invitations} (id, wave_id, email, name, owner, segments)
        select 'i-' || lower(hex(randomblob(10))), ${wave.id}, ${importRows.key},
               json_extract(${importRows.payload}, '$.n'), json_extract(${importRows.payload}, '$.o'),
               json_extract(${importRows.payload}, '$.s')
        from ${importRows} where ${importRows.importId} = ${staging.importId} order by ${importRows.rowNo}
        on conflict (wave_id, email) do update
          set name = excluded.name, owner = excluded.owner, segments = excluded.segments`,
      ),
      staging.dropStatement(),
    ])
    opts.onProgress?.(count)
    const updated = Number(existing?.n ?? 0)
    return {
      rows: count,
      added: count - updated,
      updated,
      optedOut: Number(opted?.n ?? 0),
      segments: segments.map((s) => s.name),
    }
  } catch (err) {
    await staging.flush().catch(() => {})
    await staging.drop()
    throw err
  }
}
