import { useEffect, useState } from 'react'
import { useSession } from '../shell/session'
import { ReadOnlySettings } from './ReadOnlySettings'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { AnonymityForm } from './AnonymityForm'
import { BandsSection } from './BandsSection'
import { BrandSection } from './BrandSection'
import type { Anonymity } from './settings-api'
import { getAnonymity } from './settings-api'
import '../account/account.css'
import './admin.css'
import './settings.css'

/** Programme settings: the anonymity thresholds every employee result is held to, the bands. */
export default function SettingsPage() {
  const { user } = useSession()
  const load = useLoad(getAnonymity, [])
  const [saved, setSaved] = useState<Anonymity | null>(null)
  useEffect(() => {
    document.title = 'Settings · CSI Toolkit'
  }, [])
  const current = saved ?? load.data
  return (
    <div className="users-page settings-page">
      <header className="users-intro">
        <h1>Settings</h1>
        <p className="muted">Rules that hold for the whole programme, whoever reads the results.</p>
      </header>
      <section className="card settings-card" aria-labelledby="anonymity-title">
        <h2 id="anonymity-title">Anonymity thresholds</h2>
        <p>
          Employee answers are anonymous. These two numbers decide how many people a group must hold
          before anything about it is shown: in reports, breakdowns, perception gaps and comments,
          for every employee wave. Nobody can ask a report for a smaller group.
        </p>
        {load.error && !current ? (
          <LoadFailed what="settings" error={load.error} reload={load.reload} heading="h3" />
        ) : !current ? (
          <p className="muted" aria-busy="true">
            Loading the settings…
          </p>
        ) : (
          <>
            <p className="settings-floor">
              <strong>Never fewer than {current.floor}.</strong> In a group of two, each person can
              work out the other’s answers from the average. Most organisations use 5 or more; a
              larger number hides more small groups but protects people better.
            </p>
            <p className="users-status" role="status">
              {saved &&
                `Saved. Groups of fewer than ${saved.minGroup} are hidden; comments appear once ${saved.minComments} staff have commented.`}
            </p>
            {user.role === 'admin' ? (
              <AnonymityForm current={current} onSaved={setSaved} />
            ) : (
              <ReadOnlySettings
                values={[
                  ['Smallest group shown', current.minGroup],
                  ['Staff commenting before comments are shown', current.minComments],
                ]}
              />
            )}
          </>
        )}
      </section>
      <BandsSection />
      <BrandSection />
    </div>
  )
}
