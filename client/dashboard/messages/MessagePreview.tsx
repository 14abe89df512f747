import type { MessagePreview as Preview } from './messages-api'

type Props = { preview: (Preview & { frame: string }) | null; stale: boolean }

/** The email as it would arrive: subject, the HTML in a sandboxed frame, the plain text. */
export function MessagePreview({ preview, stale }: Props) {
  if (!preview)
    return (
      <p className="muted" aria-busy="true">
        Preparing the preview…
      </p>
    )
  return (
    <div className={`message-preview${stale ? ' message-preview--stale' : ''}`}>
      {preview.note && (
        <p className="notice message-preview__note" role="note">
          {preview.note}
        </p>
      )}
      <p className="message-preview__subject">
        <span className="muted">Subject: </span>
        <strong>{preview.subject}</strong>
      </p>
      {/* No script may run in it, and it cannot reach the dashboard: an empty sandbox. */}
      <iframe
        className="message-preview__frame"
        title="Email preview"
        sandbox=""
        src={preview.frame}
      />
      <details className="message-preview__text">
        <summary>Plain-text version</summary>
        <pre>{preview.text}</pre>
      </details>
    </div>
  )
}
