import { useState } from 'react'
import { brandChanged } from '../shell/brand'
import { toFailure } from '../ui/use-load'
import type { BrandSettings } from './brand-api'
import { removeLogo, uploadLogo } from './brand-api'

function readAsDataUrl(file: File) {
  return new Promise<string>((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'))
    reader.readAsDataURL(file)
  })
}

/** Upload, preview and remove the logo; the server checks type (by its bytes) and size. */
export function LogoField({
  current,
  onSaved,
}: {
  current: BrandSettings
  onSaved: (b: BrandSettings) => void
}) {
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const limit = Math.round(current.logoMaxBytes / 1024)

  async function run(work: () => Promise<BrandSettings>) {
    setBusy(true)
    setProblem('')
    try {
      onSaved(await work())
      brandChanged()
    } catch (err) {
      const failure = toFailure(err)
      setProblem(failure.issues[0]?.message ?? failure.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="field settings-field logo-field">
      <label htmlFor="brand-logo">Logo</label>
      <div className="logo-field__row">
        <div className="logo-field__preview">
          {current.logoUrl ? (
            <img src={current.logoUrl} alt="The current logo" height={40} />
          ) : (
            <span className="muted">No logo</span>
          )}
        </div>
        <input
          id="brand-logo"
          type="file"
          accept="image/png,image/jpeg,image/svg+xml"
          disabled={busy}
          aria-describedby={`brand-logo-hint${problem ? ' brand-logo-error' : ''}`}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (!file) return
            if (file.size > current.logoMaxBytes)
              return setProblem(
                `${file.name} is ${Math.ceil(file.size / 1024)} KB; a logo may be at most ${limit} KB.`,
              )
            void run(async () => uploadLogo(await readAsDataUrl(file)))
          }}
        />
        {current.logoUrl && (
          <button
            type="button"
            className="button button--quiet"
            disabled={busy}
            onClick={() => void run(removeLogo)}
          >
            Remove logo
          </button>
        )}
      </div>
      <p id="brand-logo-hint" className="field-hint">
        PNG, JPEG or SVG, at most {limit} KB. Shown on survey pages, in emails and on printed
        questionnaires and reports.
      </p>
      {problem && (
        <p id="brand-logo-error" className="field-error" role="alert">
          {problem}
        </p>
      )}
      <p className="visually-hidden" role="status">
        {busy ? 'Uploading the logo…' : ''}
      </p>
    </div>
  )
}
