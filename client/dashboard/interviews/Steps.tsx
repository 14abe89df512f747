/** Where the interviewer is in the flow; the current step is announced as such. */
export function Steps({ labels, current }: { labels: readonly string[]; current: number }) {
  return (
    <ol className="steps" aria-label="Progress">
      {labels.map((label, i) => (
        <li
          key={label}
          className={i < current ? 'steps__done' : i === current ? 'steps__current' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          <span className="steps__number" aria-hidden="true">
            {i + 1}
          </span>
          <span className="steps__label">
            {label}
            {i < current && <span className="visually-hidden"> (done)</span>}
          </span>
        </li>
      ))}
    </ol>
  )
}
