import type { ElementJson } from './json-walk'
import { asArray, isPlainObject, walkElements } from './json-walk'
import type { SurveyDefinition } from './types'

/** Texts survey-core renders as HTML: piped answers here could inject markup (SPEC §6a). */
const surveyHtmlProps = ['completedHtml', 'completedBeforeHtml', 'loadingHtml']
/** Survey-provided variables that carry no respondent input. */
const builtinVariables = new Set(['pageno', 'pagecount', 'locale', 'questioncount', 'correctanswers', 'incorrectanswers'])

const placeholder = /\{([^{}]*)\}/g

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (isPlainObject(value)) return Object.values(value).filter((v): v is string => typeof v === 'string')
  return []
}

function placeholders(text: string): string[] {
  return [...text.matchAll(placeholder)].map((match) => match[1]!.trim())
}

function rootOf(name: string): string {
  return name.split(/[.[]/)[0]!.trim().toLowerCase()
}

/** Keys whose strings are expressions, not displayed text. */
function isExpressionKey(key: string): boolean {
  return key.endsWith('If') || key.endsWith('Expression') || key === 'expression' || key === 'html'
}

function displayedTexts(element: ElementJson, where: string, out: Array<[string, string]>, depth = 0) {
  if (depth > 6) return
  for (const [key, value] of Object.entries(element)) {
    if (isExpressionKey(key) || key === 'elements' || key === 'questions' || key === 'templateElements') continue
    for (const text of strings(value)) out.push([`${where}.${key}`, text])
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
export function answerPiping(definition: SurveyDefinition, answerKeys: readonly string[]): string[] {
  const answers = new Set(answerKeys.map((key) => key.toLowerCase()))
  const problems: string[] = []
  const html: Array<[string, string]> = []
  for (const prop of surveyHtmlProps) for (const text of strings(definition[prop])) html.push([`survey.${prop}`, text])
  asArray(definition.completedHtmlOnCondition).forEach((item, i) => {
    if (isPlainObject(item)) for (const text of strings(item.html)) html.push([`survey.completedHtmlOnCondition[${i}]`, text])
  })
  const elements = walkElements(definition)
  for (const element of elements) {
    if (element.type === 'html') for (const text of strings(element.html)) html.push([`${String(element.name)}.html`, text])
  }
  for (const [where, text] of html) {
    for (const name of placeholders(text)) {
      if (!builtinVariables.has(name.toLowerCase())) {
        problems.push(`${where}: pipes {${name}} into HTML; use static text instead`)
      }
    }
  }
  const texts: Array<[string, string]> = []
  const top = Object.fromEntries(Object.entries(definition).filter(([key]) => !surveyHtmlProps.includes(key) && key !== 'pages' && key !== 'completedHtmlOnCondition'))
  displayedTexts(top, 'survey', texts)
  for (const page of asArray(definition.pages).filter(isPlainObject)) displayedTexts(page, String(page.name ?? 'page'), texts)
  for (const element of elements) displayedTexts(element, String(element.name ?? element.type), texts)
  for (const [where, text] of texts) {
    for (const name of placeholders(text)) {
      const root = rootOf(name.replace(/-comment$/i, ''))
      if (answers.has(root) || root === 'row' || root === 'panel') {
        problems.push(`${where}: pipes the answer {${name}} into displayed text`)
      }
    }
  }
  return problems
}
