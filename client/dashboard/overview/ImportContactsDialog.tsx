import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { ContactFormat } from './ContactFormat'
import { Dialog } from './Dialog'
import { DialogActions } from './DialogActions'
import { Field } from '../ui/Field'
import type { ImportResult } from './wave-admin-api'
import { waveAdmin } from './wave-admin-api'
import { useAction } from '../ui/use-action'

type Props = {
  wave: { id: string; name: string; audience: string }
  onImported: (result: ImportResult) => void
  onClose: () => void
}

/** A contact file, read in the browser and checked whole by the server: all rows or none. */
export function ImportContactsDialog({ wave, onImported, onClose }: Props) {
  const { busy, error, run } = useAction()
  const [missing, setMissing] = useState('')
  const problems = useRef<HTMLDivElement>(null)
  const rowIssues = (error?.issues ?? []).filter((i) => i.path.startsWith('row '))

  useEffect(() => {
    if (error || missing) problems.current?.focus()
  }, [error, missing])

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const file = (new FormData(e.currentTarget).get('file') as File | null) ?? null
    if (!file || file.size === 0 || !file.name) {
      setMissing(file?.name ? `${file.name} is empty.` : 'Choose a contact file first.')
      return
    }
    setMissing('')
    const result = await run(async () => waveAdmin.importContacts(wave.id, await file.text()))
    if (result) onImported(result)
  }

  const headline =
    error?.status === 413
      ? 'This file is larger than the dashboard takes.'
      : rowIssues.length > 0
        ? error!.message.replace(/^csv: n/, 'N')
        : error?.message.replace(/^csv: /, '')

  return (
    <Dialog title={`Import contacts into “${wave.name}”`} onClose={onClose} busy={busy}>
      <form onSubmit={submit} noValidate>
        {(error || missing) && (
          <div ref={problems} className="import-problems" role="alert" tabIndex={-1}>
            <p className="import-problems__title">{missing || headline}</p>
            {error?.status === 413 && (
              <p>
                Import it from the command line:{' '}
                <code>npx csi contacts import &lt;file&gt; --wave {wave.id}</code>
              </p>
            )}
            {rowIssues.length > 0 && (
              <>
                <ul className="import-problems__list">
                  {rowIssues.map((i) => (
                    <li key={i.path + i.message}>
                      <strong>{i.path.replace(/^row/, 'Row')}</strong> {i.message}
                    </li>
                  ))}
                </ul>
                <p>
                  Correct {rowIssues.length === 1 ? 'this row' : 'these rows'} in the file, then
                  choose it again.
                </p>
              </>
            )}
          </div>
        )}
        <ContactFormat audience={wave.audience} />
        <Field id="contacts-file" label="Contact file (CSV)">
          {(a11y) => (
            <input
              {...a11y}
              name="file"
              type="file"
              accept=".csv,text/csv,text/plain"
              data-autofocus
              onChange={() => setMissing('')}
            />
          )}
        </Field>
        <DialogActions
          submit="Import contacts"
          busyLabel="Importing…"
          busy={busy}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  )
}
