import { checkAnswer, checkText, MAX_TEXT_LENGTH } from './answer-checks'
import type { Checked } from './types'
import type { CompiledSurvey } from './compile-survey'
import { compileSurvey } from './compile-survey'
import { conditionValues } from './conditions'
import type { QuestionNode } from './json-walk'
import { isPlainObject } from './json-walk'
import { missingRequiredRows, visibleRowsOnly } from './matrix-answers'
import type { AnswerIssue, SurveyDefinition, ValidationResult } from './types'
import type { QuestionState } from './visibility'
import { isEmptyAnswer, questionStates } from './visibility'

/** Bound on a whole submission, as JSON characters. */
export const MAX_SUBMISSION_CHARS = 1_000_000

type Entry = { key: string; nodes: QuestionNode[]; comment: boolean; checked: Checked }

function classify(survey: CompiledSurvey, key: string, value: unknown): Entry {
  const nodes = survey.byKey.get(key)
  if (nodes)
    return { key, nodes, comment: false, checked: checkAnswer(nodes[0]!, value, survey.settings) }
  const owners = survey.commentKeys.get(key)
  if (owners)
    return { key, nodes: owners, comment: true, checked: checkText(key, value, MAX_TEXT_LENGTH) }
  if (survey.calculatedKeys.has(key))
    return { key, nodes: [], comment: false, checked: { ok: true, value } }
  const message = `${key}: not a question in this survey`
  return { key, nodes: [], comment: false, checked: { ok: false, message } }
}

function submissionSize(data: Record<string, unknown>): number | null {
  try {
    return JSON.stringify(data).length
  } catch {
    return null
  }
}

/**
 * The server's own check of a SurveyJS `survey.data` submission against its definition.
 * Conditions (`visibleIf`, `enableIf`, `requiredIf`, on questions, panels and pages) run in
 * survey-core's expression engine. Answers to hidden questions are accepted and dropped, as
 * survey-core does on completion; numeric strings in ratings and matrices come back as numbers.
 * One issue per question, each message starting with the question (or matrix cell) it is about.
 */
export function validateAnswers(definition: SurveyDefinition, data: unknown): ValidationResult {
  if (!isPlainObject(definition)) {
    return {
      ok: false,
      issues: [{ question: '(survey)', message: 'survey: the definition is not a JSON object' }],
    }
  }
  if (!isPlainObject(data)) {
    const message = 'data: must be a JSON object of answers keyed by question name'
    return { ok: false, issues: [{ question: '(data)', message }] }
  }
  const size = submissionSize(data)
  if (size === null || size > MAX_SUBMISSION_CHARS) {
    const message = `data: must be plain JSON of at most ${MAX_SUBMISSION_CHARS} characters`
    return { ok: false, issues: [{ question: '(data)', message }] }
  }
  const survey = compileSurvey(definition)
  const issues = new Map<string, AnswerIssue>()
  const report = (question: string, message: string) => {
    if (!issues.has(question)) issues.set(question, { question, message })
  }
  const entries: Entry[] = []
  for (const [key, value] of Object.entries(data)) {
    if (value === null || value === undefined) continue
    entries.push(classify(survey, key, value))
  }

  // Conditions see every submitted answer (in cleaned form where it is valid), as the browser did.
  const byKey = new Map(entries.map((entry) => [entry.key, entry]))
  const normalised = Object.fromEntries(
    Object.entries(data).map(([key, value]) => {
      const checked = byKey.get(key)?.checked
      return [key, checked?.ok ? checked.value : value]
    }),
  )
  const values = conditionValues(definition, normalised)
  const states = questionStates(survey, values)
  const visibleNode = (nodes: QuestionNode[]) => nodes.find((node) => states.get(node)?.visible)

  const cleaned: Array<[string, unknown]> = []
  for (const entry of entries) {
    const node = entry.nodes.length > 0 ? visibleNode(entry.nodes) : undefined
    if (entry.nodes.length > 0 && !node && survey.clearInvisible) continue
    const owner = node ?? entry.nodes[0]
    if (!entry.checked.ok) {
      report(entry.comment || !owner ? entry.key : owner.name, entry.checked.message)
      continue
    }
    let value = entry.checked.value
    if (owner && !entry.comment && owner.type === 'matrix' && isPlainObject(value)) {
      value = survey.clearInvisible ? visibleRowsOnly(owner, value, values) : value
    }
    cleaned.push([entry.key, value])
  }

  const answers = Object.fromEntries(cleaned)
  for (const [node, state] of states) checkRequired(node, state, answers, values, report)
  if (issues.size > 0) return { ok: false, issues: [...issues.values()] }
  return { ok: true, data: answers }
}

function checkRequired(
  node: QuestionNode,
  state: QuestionState,
  answers: Record<string, unknown>,
  values: Record<string, unknown>,
  report: (question: string, message: string) => void,
) {
  if (!state.visible || !state.editable) return
  const answer = Object.hasOwn(answers, node.dataKey) ? answers[node.dataKey] : undefined
  if (state.required && isEmptyAnswer(answer)) {
    report(node.name, `${node.name}: an answer is required`)
    return
  }
  if (node.type !== 'matrix') return
  const missing = missingRequiredRows(node, answer, values)
  if (missing.length > 0) {
    report(node.name, `${node.name}: every row must be answered (missing ${missing.join(', ')})`)
  }
}
