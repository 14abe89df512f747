import { useEffect } from 'react'
import { surveyHref } from '../shell/routes'
import { Link } from '../ui/Link'
import { LoadFailed } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { surveyApi } from './survey-api'
import { SurveyImport } from './SurveyImport'
import { SurveyOverview } from './SurveyOverview'
import './surveys.css'

/** `/surveys/<id>`: its versions, roles and a preview; `/surveys/<id>/new-version` publishes one. */
export default function SurveyPage({ id, upload }: { id: string; upload: boolean }) {
  const detail = useLoad((signal) => surveyApi.get(id, signal), [id])
  const title = detail.data?.survey.title || id
  useEffect(() => {
    document.title = `${upload ? 'New version of ' : ''}${title} · CSI Toolkit`
  }, [title, upload])

  return (
    <>
      <p className="back-link">
        <Link to={upload ? surveyHref(id) : '/surveys'}>{upload ? title : 'Surveys'}</Link>
      </p>
      {detail.error && !detail.data ? (
        <>
          <h1>{id}</h1>
          <LoadFailed what="survey" error={detail.error} reload={detail.reload} />
        </>
      ) : !detail.data ? (
        <p className="muted" aria-busy="true">
          Loading the survey…
        </p>
      ) : upload ? (
        <>
          <h1>Publish a new version of {title}</h1>
          <p className="muted surveys-intro">
            Version {detail.data.survey.currentVersion} stays as it is for the waves that use it.
            New waves get the new version.
          </p>
          <SurveyImport survey={detail.data.survey} mapping={detail.data.mapping} />
        </>
      ) : (
        <SurveyOverview detail={detail.data} />
      )}
    </>
  )
}
