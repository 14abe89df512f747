import 'survey-core/survey-core.fontless.min.css'
import { useEffect } from 'react'
import { api, readError } from '../../api'
import { LoadFailed, Notice } from '../ui/Notice'
import { navigate, useLocation } from '../shell/router'
import { useLoad } from '../ui/use-load'
import { WaveInterviews } from './WaveInterviews'
import { WavePicker } from './WavePicker'

const chooseWave = () => navigate('/interview')

/** `/interview`: pick a wave, then key interviews for its contacts (`?wave=<id>` keeps it). */
export default function InterviewPage() {
  const { query } = useLocation()
  const waveId = query.get('wave')
  const waves = useLoad(
    async (signal) => {
      const res = await api.api.waves.$get(undefined, { init: { signal } })
      if (!res.ok) throw await readError(res)
      return (await res.json()).waves
    },
    [waveId],
  )
  useEffect(() => {
    document.title = 'Interviews · CSI Toolkit'
  }, [])

  const wave = waves.data?.find((w) => w.id === waveId)
  return (
    <>
      <h1>Interviews</h1>
      {waves.error && !waves.data ? (
        <LoadFailed what="waves" error={waves.error} reload={waves.reload} />
      ) : !waves.data ? (
        <p className="muted" aria-busy="true">
          Loading the waves…
        </p>
      ) : !waveId ? (
        <WavePicker waves={waves.data} onChoose={(id) => navigate(`/interview?wave=${id}`)} />
      ) : !wave ? (
        <Notice
          tone="error"
          title="Wave not found"
          action={{ label: 'Choose a wave', onClick: chooseWave }}
        >
          There is no wave {waveId}, or your role does not work on it.
        </Notice>
      ) : wave.audience === 'employee' ? (
        <Notice
          tone="info"
          title={`${wave.name} takes no interviews`}
          action={{ label: 'Choose another wave', onClick: chooseWave }}
        >
          Employee surveys are answered only through each employee’s own link, so that nobody can
          tie answers to a person.
        </Notice>
      ) : wave.state !== 'open' ? (
        <Notice
          tone="info"
          title={`${wave.name} is ${wave.state === 'closed' ? 'closed' : 'not open yet'}`}
          action={{ label: 'Choose another wave', onClick: chooseWave }}
        >
          Interviews can only be keyed while a wave is open.
        </Notice>
      ) : (
        <WaveInterviews key={wave.id} wave={wave} onChangeWave={chooseWave} />
      )}
    </>
  )
}
