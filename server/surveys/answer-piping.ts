import type { ElementJson } from './json-walk'
import { asArray, isPlainObject, walkElements } from './json-walk'
import type { SurveyDefinition } from './types'

type Text = { where: string; text: string }

/** Survey texts survey-core renders as HTML: piped answers here could inject markup (SPEC §6a). */
const surveyHtmlProps = ['completedHtml', 'completedBeforeHtml', 'loadingHtml']
/** Survey-provided variables that carry no respondent input. */
const builtinVariables = new Set([
  'pageno',
  'pagecount',
  'locale',
  'questioncount',
  'correctanswers',
  'incorrectanswers',
])
/** Keys that hold expressions, children, or HTML (checked separately), not displayed text. */
const skippedKeys = new Set([
  'elements',
  'questions',
  'templateElements',
  'pages',
  'html',
  'expression',
  'completedHtmlOnCondition',
  ...surveyHtmlProps,
])

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (!isPlainObject(value)) return []
  return Object.values(value).filter((v): v is string => typeof v === 'string')
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1]!.trim())
}

function htmlTexts(definition: SurveyDefinition, elements: ElementJson[]): Text[] {
  const texts: Text[] = []
  const add = (where: string, value: unknown) => {
    for (const text of strings(value)) texts.push({ where, text })
  }
  for (const prop of surveyHtmlProps) add(`survey.${prop}`, definition[prop])
  asArray(definition.completedHtmlOnCondition).forEach((item, i) => {
    if (isPlainObject(item)) add(`survey.completedHtmlOnCondition[${i}]`, item.html)
  })
  for (const element of elements) {
    if (element.type === 'html') add(`${String(element.name)}.html`, element.html)
  }
  return texts
}

function displayedTexts(element: ElementJson, where: string, out: Text[], depth = 0) {
  if (depth > 6) return
  for (const [key, value] of Object.entries(element)) {
    if (skippedKeys.has(key) || key.endsWith('If') || key.endsWith('Expression')) continue
    for (const text of strings(value)) out.push({ where: `${where}.${key}`, text })
    for (const item of asArray(value)) {
      if (isPlainObject(item)) displayedTexts(item, `${where}.${key}`, out, depth + 1)
    }
  }
}

/**
 * Finds `{…}` placeholders that would pipe answers into displayed text: any placeholder in an
 * HTML text (completedHtml, html questions) other than survey counters, and any placeholder
 * naming a question's answer in titles, descriptions, choices and other texts.
 */
export function answerPiping(
  definition: SurveyDefinition,
  answerKeys: readonly string[],
): string[] {
  const answers = new Set(answerKeys.map((key) => key.toLowerCase()))
  const elements = walkElements(definition)
  const problems: string[] = []
  for (const { where, text } of htmlTexts(definition, elements)) {
    for (const name of placeholders(text)) {
      if (builtinVariables.has(name.toLowerCase())) continue
      problems.push(`${where}: pipes {${name}} into HTML; use static text instead`)
    }
  }
  const texts: Text[] = []
  displayedTexts(definition, 'survey', texts)
  for (const page of asArray(definition.pages).filter(isPlainObject)) {
    displayedTexts(page, String(page.name ?? 'page'), texts)
  }
  for (const element of elements) {
    displayedTexts(element, String(element.name ?? element.type), texts)
  }
  for (const { where, text } of texts) {
    for (const name of placeholders(text)) {
      // {overall}, {attributes.price_value}, {why-Comment}, {row.x} and {panel.x} are answers
      const root = name
        .replace(/-comment$/i, '')
        .split(/[.[]/)[0]!
        .trim()
        .toLowerCase()
      if (answers.has(root) || root === 'row' || root === 'panel') {
        problems.push(`${where}: pipes the answer {${name}} into displayed text`)
      }
    }
  }
  return problems
}
