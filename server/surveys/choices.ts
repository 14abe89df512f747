import type { ElementJson } from './json-walk'
import { itemValues } from './json-walk'
import type { ScalarValue } from './types'

/** The values survey-core stores for its special choice items. */
export const specialChoiceValues = {
  other: 'other',
  none: 'none',
  refused: 'refused',
  dontKnow: 'dontknow',
} as const

export function allowsOther(question: ElementJson): boolean {
  return question.showOtherItem === true || question.hasOther === true
}

/** Whether `<name>-Comment` may carry text: the "other" box or the comment area. */
export function allowsCommentKey(question: ElementJson): boolean {
  return allowsOther(question) || question.showCommentArea === true || question.hasComment === true
}

/** True when the choices are not all in the JSON (loaded from a URL, another question, or typed). */
export function hasOpenChoices(question: ElementJson): boolean {
  return (
    question.choicesByUrl !== undefined ||
    typeof question.choicesFromQuestion === 'string' ||
    question.allowCustomChoices === true
  )
}

function generatedChoices(question: ElementJson): number[] {
  const { choicesMin: min, choicesMax: max } = question
  if (typeof min !== 'number' || typeof max !== 'number' || max <= min) return []
  const step =
    typeof question.choicesStep === 'number' && question.choicesStep > 0 ? question.choicesStep : 1
  const values: number[] = []
  for (let v = min; v <= max + 1e-9 && values.length < 1000; v += step)
    values.push(Number(v.toFixed(10)))
  return values
}

/** Declared choice values plus the special items the question shows (other, none, …). */
export function choiceValues(question: ElementJson, storeOthersAsComment: boolean): ScalarValue[] {
  const values: ScalarValue[] = itemValues(question.choices).map((item) => item.value)
  if (question.type === 'dropdown') values.push(...generatedChoices(question))
  if (allowsOther(question) && storeOthersAsComment) values.push(specialChoiceValues.other)
  if (question.showNoneItem === true || question.hasNone === true)
    values.push(specialChoiceValues.none)
  if (question.showRefuseItem === true) values.push(specialChoiceValues.refused)
  if (question.showDontKnowItem === true) values.push(specialChoiceValues.dontKnow)
  return values
}

/** With `storeOthersAsComment: false` the "other" text is stored as the value itself. */
export function storesOtherAsValue(question: ElementJson, storeOthersAsComment: boolean): boolean {
  return allowsOther(question) && !storeOthersAsComment
}
