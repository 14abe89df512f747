import { Serializer } from 'survey-core'
import { answerPiping } from './answer-piping'
import { isValidExpression } from './conditions'
import type { ElementJson } from './json-walk'
import {
  asArray,
  isPlainObject,
  itemValues,
  pagesOf,
  stringProp,
  walkElements,
  walkQuestions,
} from './json-walk'
import { roleProblems } from './lint-roles'
import type { SurveyDefinition } from './types'

const conditionKeys = ['visibleIf', 'enableIf', 'requiredIf']

function expressionProblems(element: ElementJson, where: string): string[] {
  const problems: string[] = []
  for (const key of conditionKeys) {
    const expression = stringProp(element, key)
    if (expression !== undefined && !isValidExpression(expression)) {
      problems.push(`${where}: ${key} "${expression}" is not a valid SurveyJS expression`)
    }
  }
  for (const list of ['rows', 'columns', 'choices']) {
    for (const item of itemValues(element[list])) {
      if (item.visibleIf !== undefined && !isValidExpression(item.visibleIf)) {
        problems.push(
          `${where}.${list}: visibleIf "${item.visibleIf}" is not a valid SurveyJS expression`,
        )
      }
    }
  }
  return problems
}

function structureProblems(definition: SurveyDefinition): string[] {
  const problems: string[] = []
  const pages = pagesOf(definition)
  if (pages.length === 0) problems.push('survey: has no pages or elements')
  pages.forEach((page, i) => {
    if (page !== definition)
      problems.push(...expressionProblems(page, `page ${stringProp(page, 'name') ?? i + 1}`))
  })
  const seen = new Set<string>()
  for (const element of walkElements(definition)) {
    const type = typeof element.type === 'string' ? element.type.toLowerCase() : ''
    const name = stringProp(element, 'name')
    const where = name ?? `(unnamed ${type || 'element'})`
    if (!type) problems.push(`${where}: has no type`)
    else if (!Serializer.findClass(type)) problems.push(`${where}: unknown question type "${type}"`)
    if (!name && type !== 'panel' && type !== 'html' && type !== 'image')
      problems.push(`${where}: a question needs a name`)
    if (name && type !== 'panel') {
      if (seen.has(name.toLowerCase())) problems.push(`${name}: the name is used by two questions`)
      seen.add(name.toLowerCase())
    }
    problems.push(...expressionProblems(element, where))
  }
  asArray(definition.completedHtmlOnCondition).forEach((item, i) => {
    const expression = isPlainObject(item) ? stringProp(item, 'expression') : undefined
    if (expression !== undefined && !isValidExpression(expression)) {
      problems.push(
        `survey.completedHtmlOnCondition[${i}]: "${expression}" is not a valid SurveyJS expression`,
      )
    }
  })
  return problems
}

/**
 * Problems that stop a definition from being served: it must be a SurveyJS survey with named
 * questions of known types and valid conditions, must never pipe answers into HTML or other
 * displayed text, and its report roles (named by convention or mapped in `csiRoles`) must use
 * 1–5 scales. An empty list means clean.
 */
export function lintDefinition(definition: unknown): string[] {
  if (!isPlainObject(definition)) return ['survey: the definition must be a JSON object']
  const answerKeys = walkQuestions(definition).flatMap((node) => [node.name, node.dataKey])
  return [
    ...structureProblems(definition),
    ...answerPiping(definition, answerKeys),
    ...roleProblems(definition),
  ]
}
