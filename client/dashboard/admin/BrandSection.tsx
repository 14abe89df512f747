import { useState } from 'react'
import { useSession } from '../shell/session'
import { ReadOnlySettings } from './ReadOnlySettings'
import { useLoad } from '../ui/use-load'
import type { BrandSettings } from './brand-api'
import { getBrandSettings } from './brand-api'
import { BrandForm } from './BrandForm'
import { LogoField } from './LogoField'
import { SettingsSection } from './SettingsSection'
import './brand.css'

/** The company's look and languages: an admin sets them, everyone else reads them. */
export function BrandSection() {
  const { user } = useSession()
  const load = useLoad(getBrandSettings, [])
  const [saved, setSaved] = useState<BrandSettings | null>(null)
  const current = saved ?? load.data
  return (
    <SettingsSection
      id="brand-title"
      title="Brand and languages"
      what="brand"
      load={load}
      current={current}
      intro={
        <p>
          Your organisation’s name, colour and logo on every survey page, email, printed
          questionnaire and report, and the languages your surveys and messages are written in.
        </p>
      }
    >
      {(current) => (
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
            <ReadOnlySettings
              values={[
                ['Organisation', current.organisation ?? 'From MAIL_FROM'],
                ['Colour', current.primary],
                ['Languages', current.languages.join(', ')],
              ]}
            />
          )}
        </>
      )}
    </SettingsSection>
  )
}
