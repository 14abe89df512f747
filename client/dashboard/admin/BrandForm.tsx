import type { FormEvent } from 'react'
import { useState } from 'react'
import { brandChanged } from '../shell/brand'
import { FieldError } from '../ui/FieldError'
import { FormSubmit } from '../ui/FormSubmit'
import { useFormErrors } from '../ui/use-form-errors'
import type { BrandSettings } from './brand-api'
import { saveBrandSettings } from './brand-api'

type Field = 'organisation' | 'primary' | 'languages'
const order: Field[] = ['organisation', 'primary', 'languages']

/**
 * The admin's form for the name, colour and languages. The server checks the colour's contrast
 * under white text (WCAG AA) and says which darker shade would pass; the sample shows the look.
 */
export function BrandForm({
  current,
  onSaved,
}: {
  current: BrandSettings
  onSaved: (b: BrandSettings) => void
}) {
  const { form, errors, setErrors, setProblem, problem, fail, errorId, describedBy } =
    useFormErrors(order, 'brand-')
  const [busy, setBusy] = useState(false)
  const [colour, setColour] = useState(current.primary)
  const valid = /^#[0-9a-f]{6}$/i.test(colour)

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault()
    if (busy) return
    const data = new FormData(e.currentTarget)
    const organisation = String(data.get('organisation') ?? '').trim()
    const languages = String(data.get('languages') ?? '')
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean)
    setProblem('')
    setErrors({})
    setBusy(true)
    try {
      onSaved(
        await saveBrandSettings({ organisation: organisation || null, primary: colour, languages }),
      )
      brandChanged()
    } catch (err) {
      // "languages.1" names the second tag; the message quotes it.
      fail(err, (f) => {
        const bad = f.issues.find((i) => i.path.startsWith('languages.'))
        return bad ? { languages: bad.message } : {}
      })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="settings-form brand-form">
      <div className="field settings-field">
        <label htmlFor="brand-organisation">Organisation name</label>
        <input
          id="brand-organisation"
          name="organisation"
          type="text"
          maxLength={80}
          defaultValue={current.organisation ?? ''}
          aria-invalid={errors.organisation ? true : undefined}
          aria-describedby={describedBy('organisation', 'brand-organisation-hint')}
        />
        <p id="brand-organisation-hint" className="field-hint">
          Shown on survey pages, in emails and reports. Empty: the name in MAIL_FROM.
        </p>
        <FieldError id={errorId('organisation')} message={errors.organisation} />
      </div>
      <div className="field settings-field">
        <label htmlFor="brand-primary">Colour</label>
        <div className="brand-colour">
          <input
            aria-label="Pick the colour"
            type="color"
            value={valid ? colour : current.primary}
            onChange={(e) => setColour(e.target.value)}
          />
          <input
            id="brand-primary"
            name="primary"
            type="text"
            spellCheck={false}
            value={colour}
            onChange={(e) => setColour(e.target.value.trim())}
            aria-invalid={errors.primary ? true : undefined}
            aria-describedby={describedBy('primary', 'brand-primary-hint')}
          />
          <span
            className={`brand-sample${valid ? '' : ' brand-sample--none'}`}
            ref={(el) => {
              // The sample's colour through the CSSOM (the page's CSP refuses style attributes).
              if (el && valid) el.style.setProperty('--sample', colour)
            }}
          >
            Start the survey
          </span>
        </div>
        <p id="brand-primary-hint" className="field-hint">
          Header, buttons and links. White text must stay readable on it (contrast 4.5:1, WCAG AA).
        </p>
        <FieldError id={errorId('primary')} message={errors.primary} />
      </div>
      <div className="field settings-field">
        <label htmlFor="brand-languages">Languages</label>
        <input
          id="brand-languages"
          name="languages"
          type="text"
          spellCheck={false}
          defaultValue={current.languages.join(', ')}
          aria-invalid={errors.languages ? true : undefined}
          aria-describedby={describedBy('languages', 'brand-languages-hint')}
        />
        <p id="brand-languages-hint" className="field-hint">
          Language tags separated by commas, the default first (e.g. en, de, fr-CA).
        </p>
        <FieldError id={errorId('languages')} message={errors.languages} />
      </div>
      <FormSubmit problem={problem} busy={busy} label="Save brand" busyLabel="Saving…" />
    </form>
  )
}
