import { useState } from 'react'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import { alertApi } from './alert-api'
import { SaveButton } from './SaveButton'

const linesOf = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((l) => l.trim())
    .filter(Boolean)

/** The round-robin team: who takes, in turn, the follow-ups of contacts without an owner. */
export function TeamForm({ team }: { team: string[] }) {
  const [value, setValue] = useState(team.join('\n'))
  const [saved, setSaved] = useState('')
  const save = useAction()
  // The server names a bad member by its place in the list (team.2): say which line.
  const issue = save.error?.issues.find((i) => i.path.startsWith('team'))
  const line = issue ? Number(issue.path.split('.')[1]) : NaN
  const error = issue
    ? Number.isInteger(line)
      ? `Line ${line + 1} (${linesOf(value)[line] ?? ''}): ${issue.message}`
      : issue.message
    : save.error?.message
  return (
    <form
      className="alert-settings__team"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault()
        setSaved('')
        const r = await save.run(() => alertApi.saveTeam(linesOf(value)))
        if (!r) return
        setValue(r.team.join('\n'))
        setSaved(
          r.team.length
            ? `Saved: ${r.team.length} ${r.team.length === 1 ? 'person takes' : 'people take'} unowned follow-ups in turn.`
            : 'Saved: unowned follow-ups go to nobody; respondents get a thank-you that promises no call.',
        )
      }}
    >
      <Field
        id="alert-team"
        label="Follow-up team (round robin)"
        hint="One email per line. A low score from a contact with no owner, in a wave with no owner, goes to the next person in turn, who gets the alert email; the respondent is then told someone will be in touch. Leave empty for nobody."
        error={error}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            className="alert-textarea"
            rows={4}
            spellCheck={false}
            autoComplete="off"
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
          />
        )}
      </Field>
      <SaveButton busy={save.busy} label="Save the team" />
      <p className="alert-saved" role="status">
        {saved}
      </p>
    </form>
  )
}
