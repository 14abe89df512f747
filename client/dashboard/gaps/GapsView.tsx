import { LoadFailed, Notice } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import { waveHref } from '../shell/routes'
import type { WaveDetail } from '../shell/api-types'
import { useLoad } from '../ui/use-load'
import type { CompareGroup } from './compare-choice'
import { compareGroups, readCompare } from './compare-choice'
import { groupNoun } from './gap-model'
import { GapsBody } from './GapsBody'
import type { Comparison } from './load-comparison'
import { loadComparison } from './load-comparison'
import './gaps.css'

/** The option whose waves are the chosen ones, whatever order the address lists them in. */
function choiceValue(groups: readonly CompareGroup[], ids: readonly string[]) {
  const want = [...ids].sort().join()
  for (const g of groups)
    for (const c of g.choices) if ([...c.ids].sort().join() === want) return c.value
  return ids.join(',')
}

/** Why the page chose the wave it shows, when nobody chose one. */
function autoNote(c: Comparison, detail: WaveDetail): string | null {
  if (!c.auto) return null
  const p = detail.peers.compare.find((x) => x.id === c.ids[0])
  const who = groupNoun(p?.audience ?? 'customer')
  return c.auto.enough
    ? `Shown: the ${p?.audience ?? 'customer'} wave fielded closest in time to this one with at least ${c.auto.threshold} responses, enough to test the gaps.`
    : `No ${p?.audience ?? 'customer'} wave fielded near this one has ${c.auto.threshold} responses yet: shown, the one where most ${who} answered.`
}

/** Perception gaps: how staff think customers rate us, against what customers say (HR). */
export function GapsView({ detail }: { detail: WaveDetail }) {
  const { query } = useLocation()
  const id = detail.wave.id
  const peers = detail.peers.compare
  const asked = readCompare(query.get('with'), peers)
  const key = asked?.join(',') ?? ''
  const load = useLoad((signal) => loadComparison(detail, asked, signal), [id, key])
  const groups = compareGroups(peers)
  const chosen = asked ?? load.data?.ids ?? []
  const choose = (value: string) =>
    navigate(waveHref(id, 'gaps', new URLSearchParams({ with: value }).toString()), {
      replace: true,
    })

  if (peers.length === 0)
    return (
      <div className="results gaps">
        <Notice tone="info" title="Nothing to compare with yet">
          <p>
            Perception gaps set this employee wave beside a customer, wholesaler or retailer wave.
            Once such a wave exists and has responses, the gaps appear here.
          </p>
        </Notice>
      </div>
    )

  const note = !asked && load.data ? autoNote(load.data, detail) : null
  return (
    <div className="results gaps">
      <section className="results-toolbar gaps-toolbar" aria-label="Comparison">
        <div className="results-control">
          <label htmlFor="gaps-compare">Compare staff with</label>
          <select
            id="gaps-compare"
            value={choiceValue(groups, chosen)}
            disabled={chosen.length === 0}
            aria-describedby={note ? 'gaps-compare-note' : undefined}
            onChange={(e) => choose(e.target.value)}
          >
            {chosen.length === 0 && <option value="">Finding a wave…</option>}
            {groups.map((g) => (
              <optgroup key={g.audience} label={g.label}>
                {g.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="gaps-toolbar__text">
          <p>
            Staff were asked how they think customers rate us on each attribute. A gap is the staff
            average minus the average of the chosen wave, on the 1–5 scale.
          </p>
          {note && <p id="gaps-compare-note">{note}</p>}
        </div>
      </section>
      {load.error ? (
        <LoadFailed what="perception gaps" error={load.error} reload={load.reload} />
      ) : load.data === undefined ? (
        <p className="muted" aria-busy="true">
          {asked ? 'Loading the perception gaps…' : 'Finding the wave to compare with…'}
        </p>
      ) : load.data === null ? (
        <p className="muted">There is no wave to compare with.</p>
      ) : (
        <div className="results__body" aria-busy={load.loading}>
          <GapsBody detail={detail} report={load.data.report} />
        </div>
      )}
    </div>
  )
}
