import type { DragEvent } from 'react'
import { useId, useState } from 'react'
import type { SurveyJson } from './survey-file'
import { parseSurveyFile } from './survey-file'

export type ChosenFile = { name: string; definition: SurveyJson }

type Props = { chosen: ChosenFile | null; onChoose: (file: ChosenFile | null) => void }

/** A SurveyJS JSON file, chosen with the file input or dropped on it, read in the browser. */
export function SurveyFilePicker({ chosen, onChoose }: Props) {
  const id = useId()
  const [error, setError] = useState('')
  const [over, setOver] = useState(false)

  async function read(file: File | undefined) {
    if (!file) return
    const parsed = parseSurveyFile(file.name, await file.text())
    setError(parsed.ok ? '' : parsed.message)
    onChoose(parsed.ok ? { name: file.name, definition: parsed.definition } : null)
  }
  const drop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void read(e.dataTransfer.files[0])
  }

  return (
    <div
      className={`file-drop${over ? ' file-drop--over' : ''}${error ? ' file-drop--invalid' : ''}`}
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <label htmlFor={id}>SurveyJS JSON file</label>
      <input
        id={id}
        name="file"
        type="file"
        accept=".json,application/json"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void read(e.currentTarget.files?.[0])}
      />
      <p id={`${id}-hint`} className="field__hint">
        {chosen
          ? `Read ${chosen.name}. Choose or drop another file to replace it.`
          : 'Choose a file, or drop it here. Exported from SurveyJS Creator, or written by hand.'}
      </p>
      {error && (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
