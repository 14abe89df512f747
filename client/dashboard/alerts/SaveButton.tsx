/**
 * The quiet Save button of one follow-up setting, waiting while it saves; `what` completes its
 * name for screen readers where the visible word is only "Save" ("Save the overdue days").
 */
export function SaveButton({ busy, label, what }: { busy: boolean; label: string; what?: string }) {
  return (
    <button type="submit" className="button button--quiet" disabled={busy}>
      {busy ? 'Saving…' : label}
      {what && <span className="visually-hidden"> {what}</span>}
    </button>
  )
}
