import { useState } from 'react'
import { scaleName } from '../report/report-format'
import { useSession } from '../shell/session'
import { ReadOnlySettings } from './ReadOnlySettings'
import { useLoad } from '../ui/use-load'
import type { Bands } from './bands-check'
import { BandsForm } from './BandsForm'
import { SettingsSection } from './SettingsSection'
import { getBands } from './settings-api'

/** The programme's band cut-offs and default scale: an admin edits them, everyone reads them. */
export function BandsSection() {
  const { user } = useSession()
  const load = useLoad(getBands, [])
  const [saved, setSaved] = useState<Bands | null>(null)
  const current = saved ?? load.data
  return (
    <SettingsSection
      id="bands-title"
      title="Bands and scale"
      what="bands"
      load={load}
      current={current}
      intro={
        <p>
          Every report colours each score out of 10 as a strength, adequate or a concern. What
          counts as good differs by sector, so the cut-offs are the programme’s own. Changing them
          redraws every report; no answer changes.
        </p>
      }
    >
      {(current) => (
        <>
          <p className="settings-status" role="status">
            {saved &&
              `Saved. Strength from ${saved.strength}, adequate from ${saved.adequate}, concern below.`}
          </p>
          {user.role === 'admin' ? (
            <BandsForm current={current} onSaved={setSaved} />
          ) : (
            <ReadOnlySettings
              values={[
                ['Strength from', current.strength],
                ['Adequate from', current.adequate],
                ['Scale', scaleName[current.scale]],
              ]}
            />
          )}
        </>
      )}
    </SettingsSection>
  )
}
