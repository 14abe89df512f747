import { useEffect, useRef, useState } from 'react'
import type { CompleteEvent, Model } from 'survey-core'
import { Survey } from 'survey-react-ui'
import type { ApiFailure } from '../../api'
import { api, readError } from '../../api'
import { modeLabel } from './interview-labels'
import { SaveProblem } from './SaveProblem'
import { interviewModel } from './survey-model'
import type { InterviewMode, Invitee } from '../shell/api-types'
import { toFailure } from '../ui/use-load'

type Props = {
  waveId: string
  definition: Record<string, unknown>
  invitee: Invitee
  mode: InterviewMode
  onSaved: () => void
  onLeave: (refresh: boolean) => void
  onChangeWave: () => void
}

const retryable = (err: ApiFailure) => err.status === 401 || err.status >= 500

/** Step three: the questionnaire, keyed by the interviewer and sent with the interview mode. */
export function InterviewSurvey(props: Props) {
  const { waveId, definition, invitee, mode, onSaved, onLeave, onChangeWave } = props
  const [problem, setProblem] = useState<ApiFailure | null>(null)
  const [model] = useState(() => interviewModel(definition))
  const [startedAt] = useState(() => new Date().toISOString())
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])

  // survey-core keeps the handler it was given; the ref lets it see this render's props.
  const submit = useRef<(s: Model, o: CompleteEvent) => Promise<void>>(null!)
  submit.current = async (sender, options) => {
    setProblem(null)
    options.showSaveInProgress('Saving the interview…')
    try {
      const res = await api.api.waves[':id'].interviews.$post({
        param: { id: waveId },
        json: { invitationId: invitee.id, mode, data: sender.data, startedAt },
      })
      if (res.ok) {
        options.showSaveSuccess('Interview saved')
        return onSaved()
      }
      const err = await readError(res)
      setProblem(err)
      // SurveyJS's "Try again" only helps when sending again can work; otherwise the notice
      // above the form says what to do instead.
      if (retryable(err)) options.showSaveError(err.message)
      else options.clearSaveMessages('')
    } catch (err) {
      setProblem(toFailure(err))
      options.showSaveError('The answers could not be sent. Check the connection and try again.')
    }
  }
  useEffect(() => {
    const handler = (s: Model, o: CompleteEvent) => void submit.current(s, o)
    model.onComplete.add(handler)
    return () => model.onComplete.remove(handler)
  }, [model])

  const cancel = () => {
    const keyed = Object.keys(model.data).length > 0
    if (!keyed || window.confirm('Leave this interview? The answers keyed so far are not saved.'))
      onLeave(false)
  }
  const who = invitee.name || invitee.email

  return (
    <section aria-labelledby="interview-title">
      <div className="interview-bar">
        <div>
          <h2 id="interview-title" ref={heading} tabIndex={-1}>
            Interviewing {who}
          </h2>
          <p className="muted">
            {modeLabel[mode]} interview · {invitee.email}
          </p>
        </div>
        {(!problem || retryable(problem)) && (
          <button type="button" className="button button--quiet" onClick={cancel}>
            Cancel interview
          </button>
        )}
      </div>
      {problem && (
        <SaveProblem
          problem={problem}
          who={who}
          onEdit={() => {
            setProblem(null)
            model.clear(false, false)
          }}
          onLeave={onLeave}
          onChangeWave={onChangeWave}
        />
      )}
      <div className="survey-frame">
        <Survey model={model} />
      </div>
    </section>
  )
}
