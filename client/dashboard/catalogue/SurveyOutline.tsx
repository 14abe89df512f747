import { surveyOutline } from './survey-outline'

/** The built questions, page by page, as a respondent would meet them. */
export function SurveyOutline({ definition }: { definition: Record<string, unknown> }) {
  const pages = surveyOutline(definition)
  return (
    <ol className="catalogue-outline">
      {pages.map((page) => (
        <li key={page.name}>
          <h5 className="catalogue-outline__page">{page.title}</h5>
          <ul>
            {page.questions.map((q) => (
              <li key={q.name}>
                <span className="catalogue-outline__title">{q.title}</span>{' '}
                <span className="muted">({q.answer})</span>
                {q.rows.length > 0 && (
                  <ul className="catalogue-outline__rows">
                    {q.rows.map((row) => (
                      <li key={row}>{row}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ol>
  )
}
