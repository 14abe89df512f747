import type { ReactNode } from 'react'
import { useEffect, useId, useRef } from 'react'
import './overview.css'

type Props = {
  title: string
  /** Escape, Cancel: the parent unmounts the dialog. */
  onClose: () => void
  children: ReactNode
  /** Refuses Escape while a request runs, so its answer is not lost. */
  busy?: boolean
}

/**
 * A native modal <dialog>: focus moves in (to the element marked `data-autofocus`, else the
 * first control), stays inside while it is open, and goes back to the opener when it closes.
 */
export function Dialog({ title, onClose, children, busy = false }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null
    const dialog = ref.current!
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      dialog.close()
      if (opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault()
        if (!busy) onClose()
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
