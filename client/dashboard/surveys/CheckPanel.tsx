import { useMemo, useRef } from 'react'
import { Notice } from '../ui/Notice'
import { MappingForm } from './MappingForm'
import { ProblemList } from './ProblemList'
import { RoleSummary } from './RoleSummary'
import { TranslationGaps } from './TranslationGaps'
import type { SurveyJson } from './survey-file'
import { groupProblems, hasCandidates, roleLines, surveyOutline } from './survey-model'
import type { CheckResult, MappableRole, RoleMapping } from './survey-types'
import type { CheckState } from './use-survey-check'

type Props = {
  audience: string
  definition: SurveyJson
  check: CheckState
  last: CheckResult | undefined
  retry: () => void
  mapping: RoleMapping
  onMapping: (mapping: RoleMapping) => void
}

/** The server's findings by question, the roles it resolved, and the mapping that changes them. */
export function CheckPanel({
  audience,
  definition,
  check,
  last,
  retry,
  mapping,
  onMapping,
}: Props) {
  const outline = useMemo(() => surveyOutline(definition), [definition])
  const groups = last ? groupProblems(last.problems, outline) : []
  const count = last?.problems.length ?? 0
  const form = useRef<HTMLElement>(null)
  const goTo = (role: MappableRole) =>
    form.current
      ?.querySelector<HTMLElement>(`[name="${role}"], [name^="${role}-"]`)
      ?.focus({ focusVisible: true } as FocusOptions)
  return (
    <div className="check-panel" aria-busy={check.state === 'checking'}>
      <p className="check-status" role="status">
        {check.state === 'checking'
          ? 'Checking…'
          : check.state === 'failed'
            ? ''
            : count === 0
              ? `${outline.length} questions, no problems: ready to publish.`
              : `${count} ${count === 1 ? 'problem' : 'problems'} in ${groups.length} ${groups.length === 1 ? 'place' : 'places'}: publishing waits until ${count === 1 ? 'it is' : 'they are'} resolved.`}
      </p>
      {check.state === 'failed' && (
        <Notice
          tone="error"
          title="The survey could not be checked"
          heading="h3"
          action={{ label: 'Check again', onClick: retry }}
        >
          {check.error.message}
        </Notice>
      )}
      {last && (
        <>
          {groups.length > 0 && (
            <section aria-labelledby="problems-title" className="check-section">
              <h3 id="problems-title">Problems</h3>
              <ProblemList
                groups={groups}
                onMap={hasCandidates(last.candidates) ? goTo : undefined}
              />
            </section>
          )}
          <TranslationGaps gaps={last.translations ?? []} />
          <section aria-labelledby="roles-title" className="check-section">
            <h3 id="roles-title">What the reports will read</h3>
            <RoleSummary lines={roleLines(last.roles, outline, mapping, audience)} />
          </section>
          {hasCandidates(last.candidates) && (
            <section ref={form} aria-labelledby="mapping-title" className="check-section">
              <h3 id="mapping-title">Map questions to roles</h3>
              <p className="muted">
                Only needed where the question names do not follow the convention (
                <code>overall</code>, <code>rebuy</code>, an <code>attributes</code> matrix…). Each
                change is checked again at once.
              </p>
              <MappingForm
                audience={audience}
                candidates={last.candidates}
                mapping={mapping}
                onChange={onMapping}
              />
            </section>
          )}
        </>
      )}
    </div>
  )
}
