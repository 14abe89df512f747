import type { ReactNode } from 'react'
import type { ApiFailure } from '../../api'
import { Dialog } from './Dialog'

type Props = {
  title: string
  children: ReactNode
  confirm: string
  busyLabel: string
  cancel?: string
  danger?: boolean
  busy: boolean
  error: ApiFailure | null
  onConfirm: () => void
  onClose: () => void
}

/** Asks before an action that cannot be taken back; the safe choice has the focus. */
export function ConfirmDialog(p: Props) {
  return (
    <Dialog title={p.title} onClose={p.onClose} busy={p.busy}>
      {p.children}
      {p.error && (
        <p className="dialog__error" role="alert">
          {p.error.message}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className={`button${p.danger ? ' button--danger' : ''}`}
          disabled={p.busy}
          onClick={p.onConfirm}
        >
          {p.busy ? p.busyLabel : p.confirm}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={p.busy}
          onClick={p.onClose}
          data-autofocus
        >
          {p.cancel ?? 'Cancel'}
        </button>
      </div>
    </Dialog>
  )
}
