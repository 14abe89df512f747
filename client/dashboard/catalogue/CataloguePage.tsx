import { useEffect, useState } from 'react'
import { useSession } from '../shell/session'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { AudienceBuild } from './AudienceBuild'
import type { Catalogue } from './catalogue-api'
import { catalogueApi } from './catalogue-api'
import type { Draft } from './catalogue-edit'
import { buildable, canEdit, toDrafts, toItems } from './catalogue-edit'
import { CatalogueEditor } from './CatalogueEditor'
import { CatalogueTable } from './CatalogueTable'
import { CsvTools } from './CsvTools'
import '../account/account.css'
import './catalogue.css'

/** The programme's attribute catalogue, and the audience surveys built from it (SPEC §2). */
export default function CataloguePage() {
  const { user } = useSession()
  const load = useLoad(catalogueApi.get, [])
  const [saved, setSaved] = useState<Catalogue | null>(null)
  const [drafts, setDrafts] = useState<Draft[]>([])
  useEffect(() => {
    document.title = 'Catalogue · CSI Toolkit'
  }, [])
  useEffect(() => {
    if (load.data && !saved) {
      setSaved(load.data)
      setDrafts(toDrafts(load.data.items))
    }
  }, [load.data])

  const editor = canEdit(user.role)
  const dirty = saved !== null && JSON.stringify(toItems(drafts)) !== JSON.stringify(saved.items)
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  const audiences = buildable(user.role)
  return (
    <div className="catalogue-page">
      <header className="catalogue-intro">
        <h1>Attribute catalogue</h1>
        <p className="muted">
          The programme’s list of what customers, partners and staff rate you on. Each item keeps
          one key in every survey, so customers, intermediaries and employees’ view of customers
          compare line by line.
        </p>
      </header>
      {load.error && !saved ? (
        <LoadFailed what="catalogue" error={load.error} reload={load.reload} />
      ) : !saved ? (
        <p className="muted" aria-busy="true">
          Loading the catalogue…
        </p>
      ) : (
        <>
          {!saved.saved && (
            <p className="catalogue-starter">
              This is the starter catalogue, read off the shipped surveys.
              {editor && ' Change it and save it to make it the programme’s own.'}
            </p>
          )}
          {editor ? (
            <>
              <CatalogueEditor
                drafts={drafts}
                setDrafts={setDrafts}
                dirty={dirty}
                onSaved={(c) => {
                  setSaved(c)
                  setDrafts((d) => d.map((x) => ({ ...x, fresh: false, keyTyped: true })))
                }}
              />
              <CsvTools
                dirty={dirty}
                onImported={(c) => {
                  setSaved(c)
                  setDrafts(toDrafts(c.items))
                }}
              />
            </>
          ) : (
            <section className="card catalogue-card" aria-labelledby="catalogue-items-title">
              <h2 id="catalogue-items-title">Items</h2>
              <CatalogueTable items={saved.items} />
              <p className="muted">Managers and admins edit the catalogue.</p>
            </section>
          )}
          {audiences.length > 0 && (
            <section className="card catalogue-card" aria-labelledby="catalogue-build-title">
              <h2 id="catalogue-build-title">Build surveys</h2>
              <p>
                Each audience’s survey is built from the <strong>saved</strong> catalogue in our
                usual wording: customers rate us, partners rate our supply service, employees say
                how they think customers rate us. Publishing stores it as the survey’s next version;
                you can still refine it in SurveyJS Creator and import it on the Surveys page.
              </p>
              {dirty && (
                <p className="catalogue-warning" role="note">
                  Save the catalogue first: your unsaved changes are not in the surveys yet.
                </p>
              )}
              <div className="catalogue-builds">
                {audiences.map((a) => (
                  <AudienceBuild key={a} audience={a} blocked={dirty} />
                ))}
              </div>
            </section>
          )}
        </>
      )}
    </div>
  )
}
