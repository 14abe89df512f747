type Props = {
  /** The submit button's words, and its words while the request runs. */
  submit: string
  busyLabel: string
  busy: boolean
  onCancel: () => void
}

/** A dialog form's submit and Cancel buttons; neither answers while the request runs. */
export function DialogActions({ submit, busyLabel, busy, onCancel }: Props) {
  return (
    <div className="actions">
      <button type="submit" className="button" disabled={busy}>
        {busy ? busyLabel : submit}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  )
}
