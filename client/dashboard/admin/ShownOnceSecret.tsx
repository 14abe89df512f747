import { useRef, useState } from 'react'

/**
 * A secret shown this once (a one-time password, an API key) with a Copy button; without a
 * clipboard (plain http on another host) the value is selected for Ctrl+C instead.
 */
export function ShownOnceSecret({
  label,
  value,
  valueClassName = '',
}: {
  label: string
  value: string
  valueClassName?: string
}) {
  const [copy, setCopy] = useState<'' | 'copied' | 'failed'>('')
  const code = useRef<HTMLElement>(null)

  async function copyIt() {
    try {
      await navigator.clipboard.writeText(value)
      setCopy('copied')
    } catch {
      const range = document.createRange()
      range.selectNodeContents(code.current!)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
      setCopy('failed')
    }
  }

  return (
    <div className="users-secret">
      <span className="users-secret__label">{label}</span>
      <div className="users-secret__row">
        <code ref={code} className={`users-secret__value ${valueClassName}`.trim()}>
          {value}
        </code>
        <button type="button" className="button" onClick={copyIt}>
          {copy === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="users-secret__status" role="status">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? 'The browser would not copy it: it is selected, press Ctrl+C (⌘C on a Mac).'
            : ''}
      </p>
    </div>
  )
}
