import type { CompiledSurvey } from './compile-survey'
import { isEditable, isRequiredNow, isShown } from './conditions'
import type { ElementJson, QuestionNode } from './json-walk'

export type QuestionState = { visible: boolean; editable: boolean; required: boolean }

/**
 * Where each question stands for these answers: hidden when it or a page/panel around it is
 * hidden; read-only questions are never required, as in survey-core's validation.
 */
export function questionStates(
  survey: CompiledSurvey,
  values: Record<string, unknown>,
): Map<QuestionNode, QuestionState> {
  const states = new Map<QuestionNode, QuestionState>()
  // pages and panels hold many questions: evaluate each of their conditions once
  const shown = new Map<object, boolean>()
  const editableMemo = new Map<object, boolean>()
  const memo = (cache: Map<object, boolean>, element: ElementJson, test: typeof isShown) => {
    let result = cache.get(element)
    if (result === undefined) cache.set(element, (result = test(element, values)))
    return result
  }
  for (const node of survey.questions) {
    const chain = [...node.containers, node.json]
    const visible = chain.every((element) => memo(shown, element, isShown))
    const editable =
      visible &&
      !survey.readOnly &&
      chain.every((element) => memo(editableMemo, element, isEditable))
    const required = visible && editable && isRequiredNow(node.json, values)
    states.set(node, { visible, editable, required })
  }
  return states
}

/** A value survey-core counts as no answer: nothing, blank text, [] or an object of blanks. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (typeof value === 'string') return value.trim() === ''
  if (Array.isArray(value)) return value.length === 0
  if (typeof value === 'object') return Object.values(value).every(isEmptyAnswer)
  return false
}
