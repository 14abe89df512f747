import { useId, useState } from 'react'
import type { ApiIssue } from '../../api'
import { useAction } from '../ui/use-action'
import type { Catalogue } from './catalogue-api'
import { catalogueApi, catalogueCsvHref } from './catalogue-api'

// `row 3.label` → `Row 3, label`: the server numbers rows as a spreadsheet does (header = 1).
const where = (issue: ApiIssue) =>
  issue.path.replace(/^row (\d+)\.?/, 'Row $1, ').replace(/, $/, '')

/** The catalogue as a spreadsheet: download it, edit it, import it back (all or nothing). */
export function CsvTools({
  onImported,
  dirty,
}: {
  onImported: (c: Catalogue) => void
  dirty: boolean
}) {
  const { busy, error, run } = useAction()
  const [status, setStatus] = useState('')
  const inputId = useId()

  async function upload(file: File) {
    setStatus('')
    const imported = await run(async () => catalogueApi.importCsv(await file.text()))
    if (imported) {
      onImported(imported)
      setStatus(`Imported ${imported.items.length} items from ${file.name}; they are saved.`)
    }
  }

  return (
    <section className="card catalogue-card" aria-labelledby="catalogue-csv-title">
      <h2 id="catalogue-csv-title">Spreadsheet</h2>
      <p>
        One row per item: <code>key</code>, <code>kind</code>, <code>label</code>,{' '}
        <code>description</code>, and a column per audience with <code>yes</code> where it rates the
        item.
      </p>
      <div className="catalogue-csv">
        <a className="button button--quiet" href={catalogueCsvHref} download>
          Download the saved catalogue (CSV)
        </a>
        <div className="field catalogue-csv__import">
          <label htmlFor={inputId}>Import a CSV</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            aria-describedby={`${inputId}-hint`}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0]
              e.currentTarget.value = ''
              if (file) void upload(file)
            }}
          />
          <p id={`${inputId}-hint`} className="field-hint">
            Replaces the whole catalogue, or nothing if any row is wrong.
            {dirty && ' Your unsaved changes above would be lost.'}
          </p>
        </div>
      </div>
      <p className="catalogue-status" role="status">
        {busy ? 'Importing…' : status}
      </p>
      {error && (
        <div className="form-error" role="alert">
          {error.issues.length > 0 ? (
            <>
              <p>Nothing was imported. Fix these rows and try again:</p>
              <ul>
                {error.issues.map((issue) => (
                  <li key={issue.path + issue.message}>
                    {where(issue)}: {issue.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{error.message}</p>
          )}
        </div>
      )}
    </section>
  )
}
