/** The search box above the comments: it filters what is loaded, never asks the server. */
export function CommentFilter({
  filter,
  onChange,
}: {
  filter: string
  onChange: (next: string) => void
}) {
  return (
    <div className="results-control comments-filter">
      <label htmlFor="comments-filter">Filter the comments</label>
      <input
        id="comments-filter"
        type="search"
        value={filter}
        onChange={(e) => onChange(e.target.value)}
        placeholder="e.g. delivery"
        aria-describedby="comments-filter-hint"
        autoComplete="off"
      />
      <span id="comments-filter-hint" className="comments-filter__hint">
        Searches the comments loaded on this page.
      </span>
    </div>
  )
}
