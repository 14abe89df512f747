import { useEffect } from 'react'
import { Link } from '../ui/Link'
import { SurveyImport } from './SurveyImport'
import './surveys.css'

/** `/surveys/new`: import a SurveyJS JSON file as a new survey. */
export default function NewSurveyPage() {
  useEffect(() => {
    document.title = 'Import a survey · CSI Toolkit'
  }, [])
  return (
    <>
      <p className="back-link">
        <Link to="/surveys">Surveys</Link>
      </p>
      <h1>Import a survey</h1>
      <p className="muted surveys-intro">
        A SurveyJS JSON file, from SurveyJS Creator or written by hand. It is checked as you go;
        nothing is stored until you publish.
      </p>
      <SurveyImport />
    </>
  )
}
