import { useEffect, useState } from 'react'
import type { ApiFailure } from '../../api'
import { LoadFailed } from '../ui/Notice'
import { useAction } from '../ui/use-action'
import { useLoad } from '../ui/use-load'
import { MessageEditor } from './MessageEditor'
import { MessagePreview } from './MessagePreview'
import type { MessageCatalogue, MessageView, Target, Words } from './messages-api'
import { getMessage, resetMessage, saveMessage, sendTestMessage } from './messages-api'
import { useLivePreview } from './use-live-preview'

const byField = (failure: ApiFailure | null) =>
  Object.fromEntries((failure?.issues ?? []).map((i) => [i.path, i.message])) as Record<
    string,
    string
  >

type Props = { catalogue: MessageCatalogue; target: Target; onSaved: () => void }

/** One message's editor beside its live preview; saving, resetting and test-sending it. */
export function MessageWorkbench({ catalogue, target, onSaved }: Props) {
  const key = `${target.audience}/${target.kind}/${target.language}`
  const view = useLoad((signal) => getMessage(target, signal), [key])
  const [shown, setShown] = useState<MessageView | null>(null)
  const [words, setWords] = useState<Words | null>(null)
  const [status, setStatus] = useState('')
  const action = useAction()

  useEffect(() => {
    if (!view.data) return
    setShown(view.data)
    setWords(view.data.template)
    setStatus('')
  }, [view.data])

  const ready =
    shown &&
    shown.audience === target.audience &&
    shown.kind === target.kind &&
    shown.language.toLowerCase() === target.language.toLowerCase()
  const preview = useLivePreview(target, ready ? words : null)
  if (view.error)
    return <LoadFailed what="the message" error={view.error} reload={view.reload} heading="h2" />
  if (!ready || !words)
    return (
      <p className="muted" aria-busy="true">
        Loading the message…
      </p>
    )

  const loaded = (v: MessageView, said: string) => {
    setShown(v)
    setWords(v.template)
    setStatus(said)
    onSaved()
  }
  const errors = { ...byField(preview.error), ...byField(action.error) }
  return (
    <div className="message-workbench">
      <section className="card message-workbench__editor" aria-labelledby="message-words-title">
        <h2 id="message-words-title">Words</h2>
        <p className="muted">
          {shown.custom
            ? 'Your own words. Reset to go back to ours.'
            : 'Our shipped words. Edit and save to use your own.'}
        </p>
        <MessageEditor
          fields={catalogue.fields[target.kind as keyof MessageCatalogue['fields']]}
          placeholders={
            catalogue.placeholders[target.kind as keyof MessageCatalogue['placeholders']]
          }
          placeholderHelp={catalogue.placeholderHelp}
          words={words}
          errors={errors}
          busy={action.busy}
          custom={shown.custom}
          onChange={(w) => {
            setWords(w)
            setStatus('')
          }}
          onSave={() =>
            void action.run(async () =>
              loaded(
                await saveMessage(target, words),
                'Saved: messages from now on use these words.',
              ),
            )
          }
          onReset={() =>
            void action.run(async () =>
              loaded(await resetMessage(target), 'Reset to the shipped words.'),
            )
          }
          onTest={() =>
            void action.run(async () => {
              const sent = await sendTestMessage(target, words)
              setStatus(`Test sent to ${sent.sentTo}: “${sent.subject}”.`)
            })
          }
        />
        <p className="message-workbench__status" role="status">
          {status}
        </p>
        {action.error && (
          <p className="form-error" role="alert">
            {action.error.message}
          </p>
        )}
      </section>
      <section className="card message-workbench__preview" aria-labelledby="message-preview-title">
        <h2 id="message-preview-title">Preview</h2>
        <p className="muted">
          {target.kind === 'digest'
            ? 'With example facts: three follow-ups, from Alex Morgan, Sam Lee and a respondent without a name.'
            : 'With example facts: a contact named Alex Morgan, a close date in two weeks.'}
        </p>
        {preview.error && (
          <p className="form-error" role="alert">
            Not previewed: {preview.error.message}
          </p>
        )}
        <MessagePreview preview={preview.preview} stale={!!preview.error} />
      </section>
    </div>
  )
}
