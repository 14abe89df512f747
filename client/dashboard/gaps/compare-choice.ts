import type { WaveReport } from '../shell/api-types'
import type { Peer } from './gap-model'
import { capitalize, groupNoun } from './gap-model'

const audienceOrder = ['customer', 'wholesaler', 'retailer', 'employee']

type Dated = { opensAt: string | null; createdAt: string }

// Waves are created ahead of time and in any order: what counts is when they were in the field.
const fieldedAt = (w: Dated) => Date.parse(w.opensAt ?? w.createdAt)
const newestFirst = (a: Peer, b: Peer) => fieldedAt(b) - fieldedAt(a) || b.id.localeCompare(a.id)

export type CompareChoice = { value: string; label: string; ids: string[] }
export type CompareGroup = { audience: string; label: string; choices: CompareChoice[] }

/**
 * What an employee wave can be compared with: each wave of each audience (newest first), and
 * the waves of one audience pooled when there are several (one comparison per request).
 */
export function compareGroups(peers: readonly Peer[]): CompareGroup[] {
  const audiences = [...new Set(peers.map((p) => p.audience))].sort(
    (a, b) => audienceOrder.indexOf(a) - audienceOrder.indexOf(b),
  )
  return audiences.map((audience) => {
    const waves = peers.filter((p) => p.audience === audience).sort(newestFirst)
    const choices = waves.map((w) => ({ value: w.id, label: w.name, ids: [w.id] }))
    if (waves.length > 1) {
      const ids = waves.map((w) => w.id)
      choices.push({
        value: ids.join(','),
        label: `All ${waves.length} ${audience} waves together`,
        ids,
      })
    }
    return { audience, label: capitalize(groupNoun(audience)), choices }
  })
}

/**
 * The waves a default comparison is sought among, best first: customer waves (any other
 * audience when there are none) by how close in time they were fielded to the employee wave,
 * the newer first on a tie. Staff views and customer views of the same months belong together.
 */
export function compareCandidates(wave: Dated, peers: readonly Peer[]): Peer[] {
  const customers = peers.filter((p) => p.audience === 'customer')
  const pool = customers.length > 0 ? customers : [...peers]
  const at = fieldedAt(wave)
  return pool.sort(
    (a, b) => Math.abs(fieldedAt(a) - at) - Math.abs(fieldedAt(b) - at) || newestFirst(a, b),
  )
}

/**
 * The default among the candidates tried, in their order: the first with at least `threshold`
 * responses, so that its gaps can be tested; failing that, the one with the most (the closer on
 * a tie), whose gaps the page then says it could not test.
 */
export function pickCompare(
  tried: readonly { id: string; n: number | null }[],
  threshold: number,
): string | null {
  const enough = tried.find((t) => t.n !== null && t.n >= threshold)
  if (enough) return enough.id
  let best: { id: string; n: number | null } | null = null
  for (const t of tried) if (!best || (t.n ?? -1) > (best.n ?? -1)) best = t
  return best?.id ?? null
}

/** Responses of the compared audience in a gaps report (null when it has none or hides them). */
export function theirCount(report: Pick<WaveReport, 'groups'>, audience: string): number | null {
  const g = report.groups.find((x) => x.audience === audience && x.segment === null)
  return g && !g.suppressed ? g.n : null
}

/**
 * The waves named in `?with=`, if they all exist and share one audience; otherwise null, and
 * the page picks its default, so an old or edited link still opens a comparison.
 */
export function readCompare(param: string | null, peers: readonly Peer[]): string[] | null {
  const byId = new Map(peers.map((p) => [p.id, p]))
  const ids = [
    ...new Set(
      (param ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ]
  const chosen = ids.map((id) => byId.get(id))
  const audience = chosen[0]?.audience
  if (ids.length === 0 || chosen.some((p) => !p || p.audience !== audience)) return null
  return ids
}

/** The report API's query for this comparison: `with=<ids>&compare=<employee>:<their audience>`. */
export function gapsQuery(
  audience: string,
  ids: readonly string[],
  peers: readonly Peer[],
): { with: string; compare: string } {
  const theirs = peers.find((p) => p.id === ids[0])?.audience ?? 'customer'
  return { with: ids.join(','), compare: `${audience}:${theirs}` }
}
