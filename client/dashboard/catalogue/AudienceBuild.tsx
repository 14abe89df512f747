import { useId, useState } from 'react'
import { ConfirmDialog } from '../overview/ConfirmDialog'
import { useAction } from '../ui/use-action'
import { useLoad } from '../ui/use-load'
import type { BuildRequest, Built, Published } from './catalogue-api'
import { catalogueApi } from './catalogue-api'
import type { Audience } from './catalogue-edit'
import { audienceNames } from './catalogue-edit'
import { SurveyOutline } from './SurveyOutline'

const keyList = (keys: string[]) =>
  keys.map((k, i) => (
    <span key={k}>
      {i > 0 && ', '}
      <code>{k}</code>
    </span>
  ))

/** One audience's survey: build it from the saved catalogue, read the changes, publish it. */
export function AudienceBuild({ audience, blocked }: { audience: Audience; blocked: boolean }) {
  const uid = useId()
  const build = useAction()
  const publish = useAction()
  // Untouched (null), the box shows what the current version does and no flag is sent, so the
  // server follows that version too.
  const [importance, setImportance] = useState<boolean | null>(null)
  const [areas, setAreas] = useState('')
  const [built, setBuilt] = useState<Built | null>(null)
  const [asking, setAsking] = useState(false)
  const [published, setPublished] = useState<Published | null>(null)
  const current = useLoad(
    (signal) => catalogueApi.current(audience, signal),
    [audience, published?.version],
  )
  const asks = importance ?? current.data?.importance ?? false

  const request = (): BuildRequest => {
    const departments = areas
      .split('\n')
      .map((a) => a.trim())
      .filter(Boolean)
    return {
      audience,
      ...(importance === null ? {} : { importance }),
      ...(departments.length > 0 ? { departments } : {}),
    }
  }
  const name = audience
  const next = (built?.current?.version ?? 0) + 1

  async function onBuild() {
    setPublished(null)
    setBuilt(null)
    const result = await build.run(() => catalogueApi.build(request()))
    if (result) setBuilt(result)
  }

  async function onPublish() {
    const result = await publish.run(() => catalogueApi.publish(request()))
    if (result) {
      setPublished(result)
      setAsking(false)
      setBuilt(null)
    }
  }

  const { added = [], dropped = [] } = built?.changes ?? {}
  return (
    <section className="catalogue-build" aria-labelledby={`${uid}-title`}>
      <h3 id={`${uid}-title`}>{audienceNames[audience]}</h3>
      <div className="catalogue-build__options">
        <label className="catalogue-check">
          <input
            type="checkbox"
            checked={asks}
            disabled={importance === null && current.loading}
            aria-describedby={`${uid}-importance-hint`}
            onChange={(e) => setImportance(e.target.checked)}
          />
          Ask how important each attribute is
        </label>
        <p id={`${uid}-importance-hint`} className="field-hint">
          {importance !== null
            ? 'Your choice for this build.'
            : current.data
              ? `As version ${current.data.version} does.`
              : current.loading
                ? 'Reading the current version…'
                : current.error
                  ? 'As the current version does.'
                  : 'A new survey: not asked unless ticked.'}
        </p>
        {audience === 'employee' && (
          <div className="field">
            <label htmlFor={`${uid}-areas`}>Areas people work in (one per line)</label>
            <textarea
              id={`${uid}-areas`}
              rows={3}
              value={areas}
              onChange={(e) => setAreas(e.target.value)}
              aria-describedby={`${uid}-areas-hint`}
            />
            <p id={`${uid}-areas-hint`} className="field-hint">
              Blank keeps the current survey’s areas. “Prefer not to say” is always offered.
            </p>
          </div>
        )}
      </div>
      <div className="actions">
        <button
          type="button"
          className="button button--quiet"
          disabled={blocked || build.busy}
          onClick={onBuild}
        >
          {build.busy ? 'Building…' : `Build the ${name} survey`}
        </button>
      </div>
      {build.error && (
        <p className="form-error" role="alert">
          {build.error.issues.length > 0
            ? build.error.issues.map((i) => `${i.path}: ${i.message}`).join('; ')
            : build.error.message}
        </p>
      )}
      <div role="status" className="catalogue-status">
        {published &&
          (published.created
            ? `Published: survey “${published.id}” is now at version ${published.version}. New waves use it; running waves keep theirs.`
            : `Nothing to publish: version ${published.version} of “${published.id}” already has these questions.`)}
      </div>
      {built && (
        <div className="catalogue-built">
          <h4>
            {built.current
              ? `Changes against version ${built.current.version}`
              : `A new survey “${built.surveyId}”`}
          </h4>
          {added.length === 0 && dropped.length === 0 ? (
            <p>No item added or dropped; wording and order may still differ.</p>
          ) : (
            <ul className="catalogue-changes">
              {added.length > 0 && (
                <li>
                  <strong>Added:</strong> {keyList(added)}
                </li>
              )}
              {dropped.length > 0 && (
                <li>
                  <strong>Dropped:</strong> {keyList(dropped)} (trends for these stop here)
                </li>
              )}
            </ul>
          )}
          {built.problems.length > 0 && (
            <div className="form-error" role="alert">
              <p>It cannot be published yet:</p>
              <ul>
                {built.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <details className="catalogue-preview">
            <summary>Preview the questions</summary>
            <SurveyOutline definition={built.definition} />
          </details>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={built.problems.length > 0}
              onClick={() => setAsking(true)}
            >
              Publish as version {next}
            </button>
          </div>
        </div>
      )}
      {asking && built && (
        <ConfirmDialog
          title={`Publish the ${name} survey?`}
          confirm={`Publish version ${next}`}
          busyLabel="Publishing…"
          busy={publish.busy}
          error={publish.error}
          onConfirm={onPublish}
          onClose={() => setAsking(false)}
        >
          <p>
            Survey “{built.surveyId}” gets version {next}. Waves created from now on ask these
            questions; waves already created keep the version they started with.
          </p>
        </ConfirmDialog>
      )}
    </section>
  )
}
