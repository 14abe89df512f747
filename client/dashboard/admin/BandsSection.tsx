import { useState } from 'react'
import { roleLabel } from '../account/roles'
import { scaleName } from '../report/report-format'
import { useSession } from '../shell/session'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import type { Bands } from './bands-check'
import { BandsForm } from './BandsForm'
import { getBands } from './settings-api'

/** The programme's band cut-offs and default scale: an admin edits them, everyone reads them. */
export function BandsSection() {
  const { user } = useSession()
  const load = useLoad(getBands, [])
  const [saved, setSaved] = useState<Bands | null>(null)
  const current = saved ?? load.data
  return (
    <section className="card settings-card" aria-labelledby="bands-title">
      <h2 id="bands-title">Bands and scale</h2>
      <p>
        Every report colours each score out of 10 as a strength, adequate or a concern. What counts
        as good differs by sector, so the cut-offs are the programme’s own. Changing them redraws
        every report; no answer changes.
      </p>
      {load.error && !current ? (
        <LoadFailed what="bands" error={load.error} reload={load.reload} heading="h3" />
      ) : !current ? (
        <p className="muted" aria-busy="true">
          Loading the bands…
        </p>
      ) : (
        <>
          <p className="settings-status" role="status">
            {saved &&
              `Saved. Strength from ${saved.strength}, adequate from ${saved.adequate}, concern below.`}
          </p>
          {user.role === 'admin' ? (
            <BandsForm current={current} onSaved={setSaved} />
          ) : (
            <>
              <dl className="settings-values">
                <div>
                  <dt>Strength from</dt>
                  <dd>{current.strength}</dd>
                </div>
                <div>
                  <dt>Adequate from</dt>
                  <dd>{current.adequate}</dd>
                </div>
                <div>
                  <dt>Scale</dt>
                  <dd>{scaleName[current.scale]}</dd>
                </div>
              </dl>
              <p className="muted">
                You are signed in as {roleLabel[user.role]}: only an admin can change these.
              </p>
            </>
          )}
        </>
      )}
    </section>
  )
}
