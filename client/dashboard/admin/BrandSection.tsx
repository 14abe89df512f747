import { useState } from 'react'
import { roleLabel } from '../account/roles'
import { useSession } from '../shell/session'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import type { BrandSettings } from './brand-api'
import { getBrandSettings } from './brand-api'
import { BrandForm } from './BrandForm'
import { LogoField } from './LogoField'
import './brand.css'

/** The company's look and languages: an admin sets them, everyone else reads them. */
export function BrandSection() {
  const { user } = useSession()
  const load = useLoad(getBrandSettings, [])
  const [saved, setSaved] = useState<BrandSettings | null>(null)
  const current = saved ?? load.data
  return (
    <section className="card settings-card" aria-labelledby="brand-title">
      <h2 id="brand-title">Brand and languages</h2>
      <p>
        Your organisation’s name, colour and logo on every survey page, email, printed questionnaire
        and report, and the languages your surveys and messages are written in.
      </p>
      {load.error && !current ? (
        <LoadFailed what="brand" error={load.error} reload={load.reload} heading="h3" />
      ) : !current ? (
        <p className="muted" aria-busy="true">
          Loading the brand…
        </p>
      ) : (
        <>
          <p className="settings-status" role="status">
            {saved && 'Saved. Survey pages and emails use it from now on.'}
          </p>
          {user.role === 'admin' ? (
            <>
              <LogoField current={current} onSaved={setSaved} />
              <BrandForm current={current} onSaved={setSaved} />
            </>
          ) : (
            <>
              <dl className="settings-values">
                <div>
                  <dt>Organisation</dt>
                  <dd>{current.organisation ?? 'From MAIL_FROM'}</dd>
                </div>
                <div>
                  <dt>Colour</dt>
                  <dd>{current.primary}</dd>
                </div>
                <div>
                  <dt>Languages</dt>
                  <dd>{current.languages.join(', ')}</dd>
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
