import type { FormEvent } from 'react'
import { useMemo, useState } from 'react'
import { manageableAudiences } from '../overview/surveys'
import { navigate } from '../shell/router'
import { surveyHref } from '../shell/routes'
import { useSession } from '../shell/session'
import { Field } from '../ui/Field'
import { Link } from '../ui/Link'
import { useAction } from '../ui/use-action'
import { CheckPanel } from './CheckPanel'
import { PreviewPane } from './PreviewPane'
import { PublishBar } from './PublishBar'
import { surveyApi } from './survey-api'
import { compactMapping, keepQuestions, mappingOf } from './survey-model'
import type { ChosenFile } from './SurveyFilePicker'
import { SurveyFilePicker } from './SurveyFilePicker'
import type { RoleMapping } from './survey-types'
import { Tabs } from './Tabs'
import { useSurveyCheck } from './use-survey-check'

type Props =
  | { survey?: undefined; mapping?: undefined }
  /** A new version of this survey: its audience is fixed, its mapping carried over. */
  | { survey: { id: string; audience: string }; mapping: RoleMapping | null }

/** Upload, check, map, preview and publish: a new survey, or a new version of one. */
export function SurveyImport({ survey, mapping: current }: Props) {
  const { user } = useSession()
  const audiences = manageableAudiences(user.role)
  const [file, setFile] = useState<ChosenFile | null>(null)
  const [audience, setAudience] = useState<string>(survey?.audience ?? audiences[0]?.id ?? '')
  const [id, setId] = useState('')
  const [title, setTitle] = useState('')
  const [mapping, setMapping] = useState<RoleMapping>(current ?? {})
  const [tab, setTab] = useState<'check' | 'preview'>('check')
  const { check, last, retry } = useSurveyCheck(audience, file?.definition ?? null, mapping)
  const publish = useAction()
  const refused = publish.error?.issues ?? []

  const choose = (chosen: ChosenFile | null) => {
    setFile(chosen)
    if (chosen) {
      const carried = mappingOf(chosen.definition)
      // A file saved by SurveyJS Creator has lost csiRoles: the previous mapping carries over,
      // for the questions the new file still has.
      const own = Object.keys(carried).length > 0
      setMapping(own ? carried : keepQuestions(current ?? {}, chosen.definition))
    }
  }
  const problems = check.state === 'done' ? check.result.problems : (last?.problems ?? [])
  const ready = check.state === 'done' && check.result.problems.length === 0
  const why = !file
    ? 'Choose a file first.'
    : check.state === 'checking' || check.state === 'idle'
      ? 'Checking…'
      : check.state === 'failed'
        ? 'The check did not run.'
        : ready
          ? ''
          : `Resolve the ${problems.length === 1 ? 'problem' : `${problems.length} problems`} first.`

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (!file || !ready || publish.busy) return
    const body = { definition: file.definition, mapping: compactMapping(mapping) }
    const done = await publish.run(() =>
      survey
        ? surveyApi.publish(survey.id, body)
        : surveyApi.create({
            ...body,
            audience,
            ...(id.trim() ? { id: id.trim() } : {}),
            ...(title.trim() ? { title: title.trim() } : {}),
          }),
    )
    if (done)
      navigate(
        `${surveyHref(done.id)}?published=${done.version}${done.created ? '' : '&unchanged=1'}`,
      )
  }

  const tabs = useMemo(
    () => [
      {
        key: 'check' as const,
        label:
          check.state === 'done'
            ? `Check: ${problems.length === 0 ? 'no problems' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`}`
            : 'Check',
      },
      { key: 'preview' as const, label: 'Preview' },
    ],
    [check.state, problems.length],
  )

  return (
    <form className="survey-import" onSubmit={submit} noValidate>
      <section className="card" aria-labelledby="import-file-title">
        <h2 id="import-file-title">{survey ? 'The new version' : 'The survey'}</h2>
        <SurveyFilePicker chosen={file} onChoose={choose} />
        {!survey && (
          <div className="import-fields">
            <Field id="survey-audience" label="Audience" hint="Who answers it; the reports follow.">
              {(a11y) => (
                <select
                  {...a11y}
                  name="audience"
                  value={audience}
                  onChange={(e) => setAudience(e.currentTarget.value)}
                >
                  {audiences.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="survey-id"
              label="Survey id (optional)"
              hint="A letter, then lower-case letters, digits, - or _. Made from the title when left empty."
              error={refused.find((i) => i.path === 'id')?.message}
            >
              {(a11y) => (
                <input
                  {...a11y}
                  name="id"
                  value={id}
                  onChange={(e) => setId(e.currentTarget.value)}
                />
              )}
            </Field>
            <Field
              id="survey-title"
              label="Title (optional)"
              hint="The file’s own title when left empty."
            >
              {(a11y) => (
                <input
                  {...a11y}
                  name="title"
                  value={title}
                  onChange={(e) => setTitle(e.currentTarget.value)}
                />
              )}
            </Field>
          </div>
        )}
      </section>

      {file && (
        <section className="card" aria-labelledby="import-check-title">
          <h2 id="import-check-title">Check and preview</h2>
          <Tabs label="Check and preview" tabs={tabs} current={tab} onChange={setTab}>
            {tab === 'check' ? (
              <CheckPanel
                audience={audience}
                definition={file.definition}
                check={check}
                last={last}
                retry={retry}
                mapping={mapping}
                onMapping={setMapping}
              />
            ) : (
              <PreviewPane definition={file.definition} />
            )}
          </Tabs>
        </section>
      )}

      <PublishBar
        error={publish.error}
        busy={publish.busy}
        ready={ready}
        why={why}
        label={survey ? 'Publish the new version' : 'Publish'}
        cancelTo={survey ? surveyHref(survey.id) : '/surveys'}
      />
    </form>
  )
}
