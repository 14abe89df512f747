import { useState } from 'react'
import { CreateWaveDialog } from '../overview/CreateWaveDialog'
import { surveyChoices } from '../overview/surveys'
import { waveHref } from '../shell/routes'
import { Link } from '../ui/Link'

type Survey = { id: string; title: string; audience: string; currentVersion: number }

/**
 * "Create a wave" on a survey's page: the Overview's dialog with this survey chosen, so a
 * survey just published can be fielded from where it was published. Its news links to the wave.
 */
export function WaveOfSurvey({ survey, onCreated }: { survey: Survey; onCreated: () => void }) {
  const [open, setOpen] = useState(false)
  const [made, setMade] = useState<{ id: string; name: string } | null>(null)
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setOpen(true)}>
        Create a wave
      </button>
      <p className="survey-wave-news" role="status">
        {made && (
          <>
            Created <Link to={waveHref(made.id)}>“{made.name}”</Link> on version{' '}
            {survey.currentVersion}.
          </>
        )}
      </p>
      {open && (
        <CreateWaveDialog
          surveys={surveyChoices([survey])}
          onClose={() => setOpen(false)}
          onCreated={(r) => {
            setMade({ id: r.wave.id, name: r.wave.name })
            onCreated()
          }}
        />
      )}
    </>
  )
}
