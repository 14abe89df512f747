import { Serializer } from 'survey-core'
import { answerPiping } from './answer-piping'
import { isValidExpression } from './conditions'
import type { ElementJson, QuestionNode } from './json-walk'
import {
  asArray,
  isPlainObject,
  itemValues,
  pagesOf,
  stringProp,
  walkElements,
  walkQuestions,
} from './json-walk'
import { describeScale, isOneToFive, matrixColumnValues, ratingValues } from './scales'
import { roleMatrix, roleNames, surveyRoles } from './survey-roles'
import type { SurveyDefinition } from './types'
import { audiences } from './types'

const conditionKeys = ['visibleIf', 'enableIf', 'requiredIf']
const attributeKey = /^[a-z][a-z0-9_]*$/

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

function ratingRoleProblems(node: QuestionNode | undefined, role: string): string[] {
  if (!node) return []
  if (node.type !== 'rating')
    return [`${node.name}: the ${role} question must be a rating on a 1–5 scale, not ${node.type}`]
  const scale = ratingValues(node.json)
  return isOneToFive(scale)
    ? []
    : [`${node.name}: must use a 1–5 scale, has ${describeScale(scale)}`]
}

function roleProblems(definition: SurveyDefinition): string[] {
  const questions = walkQuestions(definition)
  const problems: string[] = []
  for (const role of [roleNames.overall, roleNames.rebuy]) {
    problems.push(
      ...ratingRoleProblems(
        questions.find((node) => node.name === role),
        role,
      ),
    )
  }
  for (const node of questions.filter((q) => q.name.startsWith(roleNames.importancePrefix))) {
    problems.push(...ratingRoleProblems(node, 'importance'))
  }
  for (const name of [roleNames.attributes, roleNames.importance, roleNames.attitude]) {
    const other = questions.find((node) => node.name === name && node.type !== 'matrix')
    if (other) problems.push(`${name}: must be a matrix with columns 1–5, not ${other.type}`)
    const matrix = roleMatrix(questions, name)
    if (!matrix) continue
    const columns = matrixColumnValues(matrix.json)
    if (!isOneToFive(columns))
      problems.push(`${name}: columns must be the values 1–5, has ${describeScale(columns)}`)
    for (const row of itemValues(matrix.json.rows)) {
      if (!attributeKey.test(String(row.value))) {
        problems.push(`${name}.${String(row.value)}: row values are keys; use lower_snake_case`)
      }
    }
  }
  const roles = surveyRoles(definition)
  const rated = new Set(roles.attributes.map((a) => a.key))
  for (const key of roles.importance.filter((k) => !rated.has(k))) {
    problems.push(`importance.${key}: has no satisfaction item with the same key`)
  }
  const { audience } = definition
  if (audience !== undefined && !(audiences as readonly unknown[]).includes(audience)) {
    problems.push(`survey: audience must be one of ${audiences.join(', ')}`)
  }
  return problems
}

/**
 * Problems that stop a definition from being served: it must be a SurveyJS survey with named
 * questions of known types and valid conditions, must never pipe answers into HTML or other
 * displayed text, and its report roles must use 1–5 scales. An empty list means clean.
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
