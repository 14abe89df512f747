import type { ScalarValue, SurveyDefinition } from './types'

export type ElementJson = Record<string, unknown>

/** A question found in a definition, with the pages and panels that contain it (outermost first). */
export type QuestionNode = {
  json: ElementJson
  type: string
  name: string
  /** The key of its answer in `survey.data`: `valueName` when set, else `name`. */
  dataKey: string
  containers: ElementJson[]
}

export type ItemValue = { value: ScalarValue; text: string; visibleIf?: string }

const containerTypes = new Set(['panel', 'flowpanel'])

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

export function stringProp(json: ElementJson, key: string): string | undefined {
  const value = json[key]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

/** `elements`, or the legacy `questions`, of a page or panel. */
export function childElements(container: ElementJson): ElementJson[] {
  const list = Array.isArray(container.elements) ? container.elements : container.questions
  return asArray(list).filter(isPlainObject)
}

/** Pages of a definition; a survey with top-level `elements` is one implicit page. */
export function pagesOf(definition: SurveyDefinition): ElementJson[] {
  if (Array.isArray(definition.pages)) return definition.pages.filter(isPlainObject)
  if (Array.isArray(definition.elements) || Array.isArray(definition.questions)) return [definition]
  return []
}

/** Every question in page order, nested panels included; dynamic panel templates are not entered. */
export function walkQuestions(definition: SurveyDefinition): QuestionNode[] {
  const found: QuestionNode[] = []
  const visit = (container: ElementJson, chain: ElementJson[], depth: number) => {
    if (depth > 32) return
    for (const element of childElements(container)) {
      const type = typeof element.type === 'string' ? element.type.toLowerCase() : ''
      if (containerTypes.has(type)) {
        visit(element, [...chain, element], depth + 1)
        continue
      }
      const name = stringProp(element, 'name')
      if (!type || !name) continue
      const dataKey = stringProp(element, 'valueName') ?? name
      found.push({ json: element, type, name, dataKey, containers: chain })
    }
  }
  for (const page of pagesOf(definition)) visit(page, page === definition ? [] : [page], 0)
  return found
}

/** Every element (questions and panels) with a label for messages, for linting. */
export function walkElements(definition: SurveyDefinition): ElementJson[] {
  const found: ElementJson[] = []
  const visit = (container: ElementJson, depth: number) => {
    if (depth > 32) return
    for (const element of childElements(container)) {
      found.push(element)
      const type = typeof element.type === 'string' ? element.type.toLowerCase() : ''
      if (containerTypes.has(type)) visit(element, depth + 1)
    }
  }
  for (const page of pagesOf(definition)) visit(page, 0)
  return found
}

/** The text of a string or a localisable `{ default, … }` object, else the fallback. */
export function textOf(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value
  if (isPlainObject(value)) {
    if (typeof value.default === 'string') return value.default
    const first = Object.values(value).find((v) => typeof v === 'string')
    if (typeof first === 'string') return first
  }
  return fallback
}

/** A SurveyJS ItemValue: `3`, `"text"`, `"value|text"` or `{ value, text, visibleIf }`. */
export function itemValue(item: unknown): ItemValue | null {
  if (typeof item === 'number' || typeof item === 'boolean')
    return { value: item, text: String(item) }
  if (typeof item === 'string') {
    const bar = item.indexOf('|')
    if (bar < 0) return { value: item, text: item }
    return { value: item.slice(0, bar), text: item.slice(bar + 1) }
  }
  if (isPlainObject(item)) {
    const { value } = item
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
      return null
    const visibleIf = typeof item.visibleIf === 'string' ? item.visibleIf : undefined
    return { value, text: textOf(item.text, String(value)), ...(visibleIf ? { visibleIf } : {}) }
  }
  return null
}

export function itemValues(items: unknown): ItemValue[] {
  return asArray(items)
    .map(itemValue)
    .filter((item): item is ItemValue => item !== null)
}
