import { useEffect } from 'react'
import { surveyHref } from '../shell/routes'
import { audienceLabel, formatDate } from '../ui/labels'
import { Link } from '../ui/Link'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate } from '../shell/router'
import { useLoad } from '../ui/use-load'
import { surveyApi } from './survey-api'
import './surveys.css'

/** `/surveys`: the programme's questionnaires, their versions and the waves that use them. */
export default function SurveysPage() {
  const surveys = useLoad((signal) => surveyApi.list(signal), [])
  useEffect(() => {
    document.title = 'Surveys · CSI Toolkit'
  }, [])

  const importButton = (
    <Link to="/surveys/new" className="button">
      Import a survey
    </Link>
  )
  return (
    <>
      <div className="surveys-head">
        <h1>Surveys</h1>
        {surveys.data && surveys.data.length > 0 && importButton}
      </div>
      <p className="muted surveys-intro">
        Each survey is a SurveyJS questionnaire. Publishing a changed one makes a new version; a
        wave keeps answering the version it was created with.
      </p>
      {surveys.error && !surveys.data ? (
        <LoadFailed what="surveys" error={surveys.error} reload={surveys.reload} />
      ) : !surveys.data ? (
        <p className="muted" aria-busy="true">
          Loading the surveys…
        </p>
      ) : surveys.data.length === 0 ? (
        <Notice
          tone="info"
          title="No surveys yet"
          action={{ label: 'Import a survey', onClick: () => navigate('/surveys/new') }}
        >
          <p>
            Import a SurveyJS JSON file, made in SurveyJS Creator or by hand. It is checked before
            it is published.
          </p>
        </Notice>
      ) : (
        <table className="data-table data-table--card survey-table">
          <caption className="visually-hidden">Surveys</caption>
          <thead>
            <tr>
              <th scope="col">Survey</th>
              <th scope="col">Audience</th>
              <th scope="col" className="num">
                Current version
              </th>
              <th scope="col" className="num">
                Versions
              </th>
              <th scope="col" className="num">
                Waves
              </th>
              <th scope="col">Last change</th>
            </tr>
          </thead>
          <tbody>
            {surveys.data.map((s) => (
              <tr key={s.id}>
                <th scope="row" data-label="Survey">
                  <Link to={surveyHref(s.id)}>{s.title || s.id}</Link>
                  <span className="survey-id">{s.id}</span>
                </th>
                <td data-label="Audience">{audienceLabel(s.audience)}</td>
                <td data-label="Current version" className="num">
                  {s.currentVersion}
                </td>
                <td data-label="Versions" className="num">
                  {s.versions}
                </td>
                <td data-label="Waves" className="num">
                  {s.waves}
                </td>
                <td data-label="Last change">{formatDate(s.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
