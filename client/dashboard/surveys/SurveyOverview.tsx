import { TranslationGaps } from './TranslationGaps'
import { useEffect, useMemo, useRef, useState } from 'react'
import { api, readError } from '../../api'
import { canManage } from '../overview/surveys'
import { useLocation } from '../shell/router'
import { surveyHref } from '../shell/routes'
import { useSession } from '../shell/session'
import { audienceLabel, formatDate } from '../ui/labels'
import { Link } from '../ui/Link'
import { LoadFailed, Notice } from '../ui/Notice'
import { useLoad } from '../ui/use-load'
import { PreviewPane } from './PreviewPane'
import { ProblemList } from './ProblemList'
import { RoleSummary } from './RoleSummary'
import type { SurveyDetail } from './survey-api'
import { exportHref, surveyApi } from './survey-api'
import { groupProblems, roleLines, surveyOutline } from './survey-model'
import { VersionTable } from './VersionTable'
import { WaveOfSurvey } from './WaveOfSurvey'

/** A survey's current state: the news of a publish, facts, roles, versions and a preview. */
export function SurveyOverview({ detail }: { detail: SurveyDetail }) {
  const { user } = useSession()
  const { query } = useLocation()
  const { survey } = detail
  const published = Number(query.get('published')) || null
  const news = useRef<HTMLDivElement>(null)
  const [previewing, setPreviewing] = useState(survey.currentVersion)
  const other = useLoad(
    (signal) =>
      previewing === survey.currentVersion
        ? Promise.resolve(null)
        : surveyApi.version(survey.id, previewing, signal),
    [previewing],
  )
  const waveList = useLoad(async (signal) => {
    const res = await api.api.waves.$get(undefined, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return (await res.json()).waves
  }, [])
  const wavesOn = useMemo(() => {
    if (!waveList.data) return null
    const byVersion = new Map<number, { id: string; name: string }[]>()
    for (const w of waveList.data.filter((w) => w.surveyId === survey.id))
      byVersion.set(w.surveyVersion, [...(byVersion.get(w.surveyVersion) ?? []), w])
    return byVersion
  }, [waveList.data, survey.id])
  const outline = useMemo(() => surveyOutline(detail.definition), [detail.definition])
  const preview = previewing === survey.currentVersion ? detail.definition : other.data?.definition
  const previewSection = useRef<HTMLElement>(null)
  const lastChange = detail.versions.reduce(
    (latest, v) => (v.createdAt > latest ? v.createdAt : latest),
    survey.createdAt,
  )
  const waves = detail.versions.reduce((n, v) => n + v.waves, 0)
  useEffect(() => {
    if (published) news.current?.focus()
  }, [published])

  return (
    <>
      <div className="surveys-head">
        <h1>{survey.title || survey.id}</h1>
        {canManage(user.role, survey.audience) && (
          <div className="surveys-head__actions">
            {detail.problems.length === 0 && (
              <WaveOfSurvey survey={survey} onCreated={waveList.reload} />
            )}
            <Link to={surveyHref(survey.id, true)} className="button">
              Publish a new version
            </Link>
          </div>
        )}
      </div>
      {published && (
        <div ref={news} tabIndex={-1} className="published-news">
          {query.get('unchanged') ? (
            <Notice tone="info" title={`Nothing changed: version ${published} stays current`}>
              The file is the same as version {published}, so no new version was made.
            </Notice>
          ) : (
            <Notice tone="success" title={`Published version ${published}`}>
              New waves of this survey use version {published}. Waves created before keep the
              version they were created with.
            </Notice>
          )}
        </div>
      )}
      <dl className="facts survey-facts">
        <div>
          <dt>Id</dt>
          <dd>
            <code>{survey.id}</code>
          </dd>
        </div>
        <div>
          <dt>Audience</dt>
          <dd>{audienceLabel(survey.audience)}</dd>
        </div>
        <div>
          <dt>Current version</dt>
          <dd>
            {survey.currentVersion}{' '}
            <a href={exportHref(survey.id, survey.currentVersion)} download>
              Download JSON
            </a>
          </dd>
        </div>
        <div>
          <dt>Last change</dt>
          <dd>{formatDate(lastChange)}</dd>
        </div>
        <div>
          <dt>Waves</dt>
          <dd>{waves === 0 ? 'None yet' : waves}</dd>
        </div>
      </dl>
      {detail.problems.length > 0 && (
        <Notice tone="error" title="The current version has problems">
          <ProblemList groups={groupProblems(detail.problems, outline)} />
        </Notice>
      )}
      {detail.translations.length > 0 && (
        <div className="card survey-translations">
          <TranslationGaps gaps={detail.translations} heading="h2" />
        </div>
      )}
      <section aria-labelledby="roles-title" className="card survey-roles">
        <h2 id="roles-title">What the reports read</h2>
        <RoleSummary
          lines={roleLines(detail.roles, outline, detail.mapping ?? {}, survey.audience)}
        />
      </section>
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <VersionTable
          surveyId={survey.id}
          versions={detail.versions}
          current={survey.currentVersion}
          previewing={previewing}
          wavesOn={wavesOn}
          onPreview={(v) => {
            setPreviewing(v)
            previewSection.current?.scrollIntoView({ block: 'start' })
            previewSection.current?.focus()
          }}
        />
      </section>
      <section
        aria-labelledby="preview-title"
        ref={previewSection}
        tabIndex={-1}
        className="survey-preview"
      >
        <h2 id="preview-title">
          Preview of version {previewing}
          {previewing === survey.currentVersion ? ' (current)' : ''}
        </h2>
        {other.error && !preview ? (
          <LoadFailed
            what={`version ${previewing}`}
            error={other.error}
            reload={other.reload}
            heading="h3"
          />
        ) : preview ? (
          <PreviewPane key={previewing} definition={preview} />
        ) : (
          <p className="muted" aria-busy="true">
            Loading version {previewing}…
          </p>
        )}
      </section>
    </>
  )
}
