export type TranslationGap = { language: string; count: number; examples: string[] }

const names = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' })
  } catch {
    return null
  }
})()
const languageName = (tag: string) => {
  try {
    return names?.of(tag) ?? tag
  } catch {
    return tag
  }
}

/**
 * Texts the survey lacks in the programme's languages. Not a problem that stops publishing:
 * SurveyJS shows the default language's text in their place, as the preview does.
 */
export function TranslationGaps({
  gaps,
  heading: H = 'h3',
}: {
  gaps: TranslationGap[]
  heading?: 'h2' | 'h3'
}) {
  if (gaps.length === 0) return null
  return (
    <section aria-labelledby="translations-title" className="check-section translation-gaps">
      <H id="translations-title">Not yet translated</H>
      <p className="muted">
        These texts show in the survey’s default language to respondents who answer in another.
      </p>
      <ul>
        {gaps.map((g) => (
          <li key={g.language}>
            <strong>
              {languageName(g.language)} ({g.language})
            </strong>
            : {g.count} {g.count === 1 ? 'text' : 'texts'}, e.g.{' '}
            {g.examples.map((e, i) => (
              <span key={e}>
                {i > 0 && ', '}
                <code>{e}</code>
              </span>
            ))}
            {g.count > g.examples.length && '…'}
          </li>
        ))}
      </ul>
    </section>
  )
}
