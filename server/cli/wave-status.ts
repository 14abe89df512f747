import type { Command } from 'commander'
import { invitationCounts } from '../db/invitations'
import { outboxCounts } from '../db/outbox'
import { countResponses } from '../db/responses'
import { closeWave, getWave, listWaves, waveState } from '../db/waves'
import { groupResponseRate } from '../../reports'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '–')
const pct = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`)

export function registerWaveStatus(wave: Command, io: CliIo) {
  wave
    .command('list')
    .description('every wave with its state, dates and response counts')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const { store } = await openCliStore(io)
      try {
        const now = new Date()
        const rows = []
        for (const w of await listWaves(store.db)) {
          const c = (await invitationCounts(store.db, w.id, [])).total
          rows.push({
            id: w.id,
            name: w.name,
            audience: w.audience,
            state: waveState(w, now),
            opens: day(w.opensAt),
            closes: day(w.closesAt),
            invited: c.invited,
            responses: await countResponses(store.db, w.id),
          })
        }
        if (opts.json) return await io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
        if (!rows.length)
          return await io.stdout('No waves yet: csi wave create --survey customer --name "…"\n')
        for (const r of rows) {
          await io.stdout(
            `${r.id}  ${r.state.padEnd(12)} ${r.audience.padEnd(10)} ${r.opens} → ${r.closes}  ${String(r.invited).padStart(6)} invited  ${String(r.responses).padStart(6)} responses  ${r.name}\n`,
          )
        }
      } finally {
        store.close()
      }
    })
  wave
    .command('show')
    .description(
      "a wave's state, delivery and response rates (AAPOR RR1, RR2) overall and per contact segment",
    )
    .argument('<id>', 'wave id')
    .option(
      '--by <column>',
      'also per value of this contact column',
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { by?: string[]; json?: boolean }) => {
      const { store } = await openCliStore(io)
      try {
        const w = await getWave(store.db, id)
        if (!w) throw new CliError(`<id>: no wave "${id}"`)
        const counts = await invitationCounts(store.db, id, opts.by ?? [])
        const rate = (c: typeof counts.total) => ({ ...c, ...groupResponseRate(c) })
        const out = {
          id: w.id,
          name: w.name,
          audience: w.audience,
          state: waveState(w, new Date()),
          opensAt: w.opensAt?.toISOString() ?? null,
          closesAt: w.closesAt?.toISOString() ?? null,
          responses: await countResponses(store.db, id),
          invitations: rate(counts.total),
          bySegment: counts.bySegment.map((s) => ({
            column: s.column,
            value: s.value,
            ...rate(s.counts),
          })),
          outbox: await outboxCounts(store.db, id),
        }
        if (opts.json) return await io.stdout(`${JSON.stringify(out, null, 2)}\n`)
        const i = out.invitations
        const lines = [
          `${w.name} (${w.id}) · ${w.audience} · ${out.state} · ${day(w.opensAt)} → ${day(w.closesAt)}`,
          `Responses: ${out.responses} (all modes and links)`,
          `Invited: ${i.invited} · emailed ${i.sent} · responded ${i.responded} · partial ${i.partial} · opted out ${i.optedOut} · bounced ${i.bounced}`,
          `Response rate: RR1 ${pct(i.rr1)} · RR2 ${pct(i.rr2)} (AAPOR)`,
          ...out.bySegment.map(
            (s) =>
              `  ${s.column} = ${s.value}: ${s.responded}/${s.invited} · RR1 ${pct(s.rr1)} · RR2 ${pct(s.rr2)}`,
          ),
          `Email: ${out.outbox.map((o) => `${o.n} ${o.kind} ${o.status}`).join(', ') || 'nothing sent yet'}`,
        ]
        await io.stdout(`${lines.join('\n')}\n`)
      } finally {
        store.close()
      }
    })
  wave
    .command('close')
    .description('close a wave now: its links stop working, reminders stop')
    .argument('<id>', 'wave id')
    .action(async (id: string) => {
      const { store } = await openCliStore(io)
      try {
        const w = await getWave(store.db, id)
        if (!w) throw new CliError(`<id>: no wave "${id}"`)
        if (w.closedAt)
          return await io.stdout(`${id} was already closed on ${w.closedAt.toISOString()}\n`)
        await closeWave(store.db, id, new Date())
        await io.stdout(`Closed ${id}; its links now show "This survey has closed".\n`)
      } finally {
        store.close()
      }
    })
}
