import { and, eq, sql } from 'drizzle-orm'
import { rawStatement } from '../db/atomic'
import type { Store } from '../db/client'
import { audiences, importRows, invitations, optOuts, responses, waves } from '../db/schema'
import { getWave, type Wave } from '../db/waves'
import { cleanCell, isEmail, normaliseHeader, segmentName } from '../lib/csv-header'
import type { RowVerdict } from '../db/staged-import'
import { stagedImport } from '../db/staged-import'
import type { Staging } from '../db/staging'
import { contactColumns } from '../db/wave-survey'
import { canonicalLanguage } from '../surveys/survey-languages'
import { rebuildWaveAggregates } from '../responses/rebuild-aggregates'
import { isAnonymous } from '../surveys/audiences'
import { ImportRefused } from '../db/staging'
import {
  anonymousSegmentChoices,
  anonymousSegmentValue,
  checkAnonymousColumns,
  type SegmentChoices,
} from './anonymous-segments'

export type ContactImportResult = {
  rows: number
  added: number
  updated: number
  /** Contacts whose address opted out earlier: imported, never emailed. */
  optedOut: number
  segments: string[]
}

const known = new Set(['email', 'name', 'audience', 'owner', 'language'])

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
  let segments: { name: string; index: number }[] = []
  const choices = await anonymousSegmentChoices(store, wave)
  const result = await stagedImport(
    store,
    rows,
    {
      noun: 'contacts',
      header(cells) {
        const header = normaliseHeader(cells)
        const col = checkHeader(header)
        segments = header
          .map((name, index) => ({ name, index }))
          .filter((s) => s.name && !known.has(s.name))
        const bad = segments.filter((s) => !segmentName.test(s.name))
        if (bad.length) {
          const message = (name: string) =>
            `column "${name}": use letters, digits, spaces, _ . or - (at most 64)`
          throw new ImportRefused(
            bad.map((s) => ({ row: 1, message: message(s.name) })),
            bad.length,
          )
        }
        if (choices)
          checkAnonymousColumns(
            choices,
            segments.map((s) => s.name),
          )
        return (cells) => contactRow(cells, col, segments, wave.audience, choices)
      },
      duplicate: (email, first) => `email: ${email} is also on row ${first}`,
      finish: async (staging, count) => {
        const result = await moveContacts(store, wave.id, staging)
        return {
          rows: count,
          added: count - result.updated,
          ...result,
          segments: segments.map((s) => s.name),
        }
      },
    },
    opts,
  )
  // A named audience's contact columns are report segments (see db/wave-survey.ts `waveSpec`):
  // when the set changes, responses already in are re-coded and the aggregates rebuilt.
  const columns = await contactColumns(store.db, wave.id)
  const stored = (await getWave(store.db, wave.id))?.contactColumns ?? []
  if (columns.join('\n') !== stored.join('\n')) {
    await store.db.update(waves).set({ contactColumns: columns }).where(eq(waves.id, wave.id))
    if (!isAnonymous(wave.audience))
      await rebuildWaveAggregates(store, wave.id, { fromAnswers: true })
  }
  return result
}

function checkHeader(header: string[]) {
  const seen = new Set<string>()
  for (const name of header) {
    if (name && seen.has(name))
      throw new ImportRefused([{ row: 1, message: `column "${name}" appears twice` }], 1)
    seen.add(name)
  }
  if (!seen.has('email')) {
    throw new ImportRefused(
      [{ row: 1, message: 'no "email" column (the header must name one)' }],
      1,
    )
  }
  return Object.fromEntries(
    header.map((n, i) => [n, i]).filter(([n]) => known.has(n as string)),
  ) as Record<string, number>
}

function contactRow(
  cells: string[],
  col: Record<string, number>,
  segments: readonly { name: string; index: number }[],
  waveAudience: string,
  choices: SegmentChoices | null,
): RowVerdict {
  const email = cleanCell(cells[col.email!]).toLowerCase()
  const name = cleanCell(cells[col.name ?? -1]).slice(0, 200)
  const owner = cleanCell(cells[col.owner ?? -1]).toLowerCase()
  const audience = cleanCell(cells[col.audience ?? -1]).toLowerCase()
  const languageCell = cleanCell(cells[col.language ?? -1])
  const language = languageCell ? canonicalLanguage(languageCell) : null
  const issues: string[] = []
  if (languageCell && !language)
    issues.push(`language: "${languageCell}" is not a BCP 47 language tag (e.g. de, fr-CA)`)
  if (!email) issues.push('email: empty')
  else if (!isEmail(email)) issues.push(`email: "${cells[col.email!]}" is not an email address`)
  if (owner && !isEmail(owner)) issues.push(`owner: "${owner}" is not an email address`)
  if (audience && !(audiences as readonly string[]).includes(audience)) {
    issues.push(`audience: "${audience}" is not one of ${audiences.join(', ')}`)
  } else if (audience && audience !== waveAudience) {
    issues.push(`audience: "${audience}" does not match this wave's audience "${waveAudience}"`)
  }
  const values: Record<string, string> = {}
  for (const s of segments) {
    const v = cleanCell(cells[s.index]).slice(0, 200)
    if (!v) continue
    const checked = choices ? anonymousSegmentValue(choices, s.name, v) : { value: v }
    if ('problem' in checked) issues.push(checked.problem)
    else values[s.name] = checked.value
  }
  if (issues.length) return { problem: issues.join('; ') }
  return { key: email, cells: [name || null, owner || null, language, JSON.stringify(values)] }
}

/** The final write: staged contacts become the wave's invitations (existing ones updated). */
async function moveContacts(store: Store, waveId: string, staging: Staging) {
  const inStaging = eq(importRows.importId, staging.importId)
  const [existing] = await store.db
    .select({ n: sql<number>`count(*)` })
    .from(importRows)
    .innerJoin(
      invitations,
      and(eq(invitations.waveId, waveId), eq(invitations.email, importRows.key)),
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
        insert into ${invitations} (id, wave_id, email, name, owner, language, segments)
        select 'i-' || lower(hex(randomblob(10))), ${waveId}, ${importRows.key},
               ${staging.cell(0)}, ${staging.cell(1)}, ${staging.cell(2)}, ${staging.cell(3)}
        from ${importRows} where ${importRows.importId} = ${staging.importId} order by ${importRows.rowNo}
        on conflict (wave_id, email) do update
          set name = excluded.name, owner = excluded.owner, language = excluded.language,
              segments = excluded.segments`,
    ),
    // Responses already in keep their values and gain the columns they lacked (a column added
    // after they answered), so exports and aggregate rebuilds see them.
    rawStatement(
      store.db,
      sql`
        update ${responses} set segments = json_patch(${invitations.segments}, ${responses.segments})
        from ${invitations}
        where ${responses.waveId} = ${waveId} and ${invitations.id} = ${responses.invitationId}`,
    ),
    staging.dropStatement(),
  ])
  return { updated: Number(existing?.n ?? 0), optedOut: Number(opted?.n ?? 0) }
}
