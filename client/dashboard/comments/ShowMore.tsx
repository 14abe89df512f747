/** Comments shown at once; a long list reveals more on request. */
export const COMMENTS_STEP = 40

/** "Show 40 more" under a long list of comments, with how many are still hidden. */
export function ShowMore({
  rest,
  onMore,
  where = '',
}: {
  rest: number
  onMore: () => void
  /** Said after the count, e.g. " in this band". */
  where?: string
}) {
  if (rest <= 0) return null
  return (
    <div className="comments-more">
      <button type="button" className="button button--quiet" onClick={onMore}>
        Show {Math.min(COMMENTS_STEP, rest)} more
      </button>
      <span className="muted">
        {rest} more {rest === 1 ? 'comment' : 'comments'}
        {where}
      </span>
    </div>
  )
}
