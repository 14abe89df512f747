import { useEffect, useRef, useState } from 'react'

/** A new wave's public link, shown once (only its hash is stored), with a copy button. */
export function OpenLinkCopy({ name, link }: { name: string; link: string }) {
  const input = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState('')
  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [])
  async function copy() {
    try {
      await navigator.clipboard.writeText(link)
      setCopied('Copied to the clipboard.')
    } catch {
      input.current?.select()
      setCopied('Copying was refused: the link is selected, press Ctrl+C (⌘C on a Mac).')
    }
  }
  return (
    <>
      <p>
        “{name}” is ready. Its public link is shown <strong>only this once</strong>: copy it now.
      </p>
      <div className="copy-field">
        <label htmlFor="open-link" className="visually-hidden">
          Public link
        </label>
        <input
          ref={input}
          id="open-link"
          type="text"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--quiet" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="field__hint" role="status">
        {copied}
      </p>
    </>
  )
}
