import { ConditionRunner, ConditionsParser, ExpressionRunner } from 'survey-core'
import type { ElementJson } from './json-walk'
import { asArray, isPlainObject, stringProp } from './json-walk'
import type { SurveyDefinition } from './types'

// Parsed expressions are reused across submissions; the cap keeps uploaded surveys from
// growing it without bound.
const MAX_CACHED = 2000
const runners = new Map<string, ConditionRunner>()

function runnerFor(expression: string): ConditionRunner {
  let runner = runners.get(expression)
  if (!runner) {
    if (runners.size >= MAX_CACHED) runners.clear()
    runner = new ConditionRunner(expression)
    runners.set(expression, runner)
  }
  return runner
}

/**
 * Evaluates a SurveyJS condition (`{overall} <= 2`) with survey-core's own engine, so the server
 * agrees with the respondent's browser. An expression survey-core cannot parse is false, as there.
 */
export function conditionHolds(expression: string, values: Record<string, unknown>): boolean {
  try {
    const runner = runnerFor(expression)
    // canRun() is false for an unparsable expression; running it would only log a warning
    return runner.canRun() && runner.runValues(values) === true
  } catch {
    return false
  }
}

/** True when survey-core can parse the expression. */
export function isValidExpression(expression: string): boolean {
  try {
    return new ConditionsParser().parseExpression(expression) !== undefined
  } catch {
    return false
  }
}

/** Survey values plus the definition's `calculatedValues`, which conditions may reference. */
export function conditionValues(
  definition: SurveyDefinition,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const calculated = asArray(definition.calculatedValues).filter(isPlainObject)
  if (calculated.length === 0) return data
  const values: Record<string, unknown> = { ...data }
  for (const item of calculated) {
    const name = stringProp(item, 'name')
    const expression = stringProp(item, 'expression')
    if (!name || !expression) continue
    try {
      const runner = new ExpressionRunner(expression)
      values[name] = runner.canRun() ? runner.runValues(values) : undefined
    } catch {
      values[name] = undefined
    }
  }
  return values
}

/** An element is shown unless `visible: false` or its `visibleIf` is false. */
export function isShown(element: ElementJson, values: Record<string, unknown>): boolean {
  if (element.visible === false) return false
  const visibleIf = stringProp(element, 'visibleIf')
  return visibleIf === undefined || conditionHolds(visibleIf, values)
}

/** An element is editable unless `readOnly: true` or its `enableIf` is false. */
export function isEditable(element: ElementJson, values: Record<string, unknown>): boolean {
  if (element.readOnly === true) return false
  const enableIf = stringProp(element, 'enableIf')
  return enableIf === undefined || conditionHolds(enableIf, values)
}

export function isRequiredNow(element: ElementJson, values: Record<string, unknown>): boolean {
  if (element.isRequired === true) return true
  const requiredIf = stringProp(element, 'requiredIf')
  return requiredIf !== undefined && conditionHolds(requiredIf, values)
}
