import type { FormEvent } from 'react'
import { useEffect, useRef, useState } from 'react'
import { Field } from '../ui/Field'
import { useAction } from '../ui/use-action'
import type { RulesInput, WaveRules } from './alert-api'
import { alertApi } from './alert-api'
import { ruleText } from './alert-format'
import { FollowUpFigures } from './FollowUpFigures'
import type { RuleDraft } from './rule-edit'
import { dedupe, fromDraft, newDraft, toDraft } from './rule-edit'
import { RuleRow } from './RuleRow'

type Props = {
  waveId: string
  initial: WaveRules
  attributes: readonly { key: string; label: string }[]
  onClose: () => void
  /** A save is under way: the dialog keeps Escape from losing its answer. */
  onBusy: (busy: boolean) => void
}

const MAX_RULES = 20

/** Edit a wave's rules as rows, or go back to the default, or turn follow-ups off. */
export function RulesForm({ waveId, initial, attributes, onClose, onBusy }: Props) {
  const [current, setCurrent] = useState(initial)
  const [rows, setRows] = useState<RuleDraft[]>(() => initial.rules.map(toDraft))
  const [owner, setOwner] = useState(initial.ownerEmail ?? '')
  const [saved, setSaved] = useState('')
  const save = useAction()
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select, input')?.focus()
  }, [])
  useEffect(() => onBusy(save.busy), [save.busy])

  const names = Object.fromEntries(attributes.map((a) => [a.key, a.label]))
  const off = current.rules.length === 0
  const issue = (path: string) => save.error?.issues.find((i) => i.path === path)?.message
  const rulesIssue = save.error?.issues.find((i) => i.path.startsWith('rules'))?.message

  async function store(rules: RulesInput['rules'], done: string) {
    setSaved('')
    const r = await save.run(() =>
      alertApi.saveRules(waveId, { rules, ownerEmail: owner.trim() || null }),
    )
    if (!r) return
    setCurrent((c) => ({ ...c, ...r }))
    setRows(r.rules.map(toDraft))
    setOwner(r.ownerEmail ?? '')
    setSaved(done)
  }
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const rules = dedupe(rows.map(fromDraft))
    void store(
      rules,
      rules.length
        ? 'Saved. New responses are checked against these rules.'
        : 'Saved: follow-ups are off for this wave.',
    )
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="rules-form">
      <h3 className="rules-form__head">How its follow-ups are going</h3>
      <FollowUpFigures f={current.followUp} />

      <h3 className="rules-form__head">Raise a follow-up when any of these is true</h3>
      <p className="rules-form__state" role="note">
        {off
          ? 'Follow-ups are off for this wave: no low score raises one.'
          : current.isDefault
            ? 'These are the default rules: they apply to invited contacts only, whom someone can answer. Rules you save apply to every response, open-link ones included.'
            : `Own rules, for every response; the default is: ${current.defaultRules.map((r) => ruleText(r, names).toLowerCase()).join('; ')}, for invited contacts only.`}
      </p>
      {rows.length > 0 ? (
        <ol className="rule-rows">
          {rows.map((r, i) => (
            <RuleRow
              key={r.id}
              rule={r}
              n={i + 1}
              attributes={attributes}
              onChange={(next) => setRows(rows.map((x) => (x.id === r.id ? next : x)))}
              onRemove={() => setRows(rows.filter((x) => x.id !== r.id))}
            />
          ))}
        </ol>
      ) : (
        <p className="muted">No rules: saving like this turns follow-ups off.</p>
      )}
      {rulesIssue && <p className="field__error">{rulesIssue}</p>}
      <p className="rules-form__add">
        <button
          type="button"
          className="button button--quiet button--small"
          disabled={rows.length >= MAX_RULES}
          onClick={() => setRows([...rows, newDraft()])}
        >
          Add a rule
        </button>
      </p>

      <Field
        id="rules-owner"
        label="Wave owner’s email"
        hint="Gets the alert email for a contact without an owner of their own (the owner column of the contact file). Leave empty for none."
        error={issue('ownerEmail')}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="email"
            autoComplete="off"
            value={owner}
            onChange={(e) => setOwner(e.currentTarget.value)}
          />
        )}
      </Field>

      {save.error && !rulesIssue && !issue('ownerEmail') && (
        <p className="dialog__error" role="alert">
          {save.error.message}
        </p>
      )}
      <p className="alert-saved" role="status">
        {saved}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save rules'}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={save.busy || current.isDefault}
          onClick={() => void store(null, 'Back to the default rules.')}
        >
          Reset to default
        </button>
        {!off && (
          <button
            type="button"
            className="button button--quiet button--danger-quiet"
            disabled={save.busy}
            onClick={() => void store([], 'Follow-ups are off for this wave.')}
          >
            Turn off
          </button>
        )}
        <button type="button" className="button button--quiet" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  )
}
