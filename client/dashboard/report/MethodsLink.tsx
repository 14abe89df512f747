import methods from '../../../reports/README.md?raw'

/**
 * "How these numbers are computed": opens reports/README.md, the product's own methodology
 * (every formula, default and withholding rule), as text in a new tab. The page is bundled, so
 * it works offline and on every deployment.
 */
export function MethodsLink() {
  const open = (e: React.MouseEvent<HTMLAnchorElement>) => {
    const url = URL.createObjectURL(new Blob([methods], { type: 'text/plain;charset=utf-8' }))
    e.currentTarget.href = url
    // Revoked after the new tab has had time to load it; a later click makes a fresh one.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  }
  return (
    <p className="report-methods">
      <a href="#methods" target="_blank" rel="noopener" onClick={open}>
        How these numbers are computed
      </a>{' '}
      <span className="muted">(formulas, defaults, when a number is withheld)</span>
    </p>
  )
}
