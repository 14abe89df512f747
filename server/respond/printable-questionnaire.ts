import { escapeHtml } from '../lib/html'
import { printableStyles } from './printable-styles'
import { allowsOther, choiceValues, hasOpenChoices } from '../surveys/choices'
import type { ElementJson, ItemValue, QuestionNode } from '../surveys/json-walk'
import { itemValues, stringProp, textOf, walkQuestions } from '../surveys/json-walk'
import { roleQuestions } from '../surveys/role-questions'
import { numericValue, ratingValues } from '../surveys/scales'
import type { ScalarValue, SurveyDefinition } from '../surveys/types'

export type PrintableOptions = {
  surveyId: string
  version: number
  organisation?: string
  /** The programme's logo (a same-origin path), printed beside the organisation's name. */
  logoUrl?: string | null
  /** The response's Content-Security-Policy nonce, for the page's one style and script. */
  nonce?: string
}

type Numbered = { node: QuestionNode; number: number }
type Target = { label: string; values: ItemValue[] }

const printedTypes = new Set([
  'rating',
  'matrix',
  'comment',
  'text',
  'dropdown',
  'radiogroup',
  'checkbox',
  'boolean',
])
const notedTypes = new Set([...printedTypes, 'html'])
const box = '<span class="box"></span>'
const tickedBox =
  '<span class="box ticked" aria-label="ticked box"><svg viewBox="0 0 10 10" aria-hidden="true">' +
  '<path d="M2 2l6 6M8 2l-6 6" stroke="#000" stroke-width="1.3" /></svg></span>'

/** Definitions are user-supplied: every text from them goes through here, never in raw. */
const esc = escapeHtml

const textProp = (json: ElementJson, key: string) => textOf(json[key], '').trim()
const para = (cls: string, text: string) =>
  text ? `<p${cls ? ` class="${cls}"` : ''}>${esc(text)}</p>` : ''

const named: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
}
const entity = (ref: string, name: string) => {
  const hex = /^#x([0-9a-f]{1,6})$/i.exec(name)
  const dec = /^#(\d{1,7})$/.exec(name)
  const point = hex ? parseInt(hex[1]!, 16) : dec ? Number(dec[1]) : NaN
  if (point > 0 && point <= 0x10ffff) return String.fromCodePoint(point)
  return named[name.toLowerCase()] ?? ref
}

/**
 * An html element's markup as lines of plain text (list items get a bullet), never as markup:
 * tags are dropped, entities decoded, and the text is escaped again where it is printed.
 */
export function htmlToText(markup: string): string[] {
  return markup
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template|iframe|object|svg)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<(br|\/?(p|div|ul|ol|li|h[1-6]|tr|table|blockquote|section|article))\b[^>]*>/gi, '\n')
    .replace(/<\/?[a-z!?][^>]*>?/gi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, entity)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line && line !== '•')
}
const orList = (items: string[]) =>
  items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
const shown = (item: ItemValue) => (numericValue(item.text) !== null ? item.text : `“${item.text}”`)

function ratingItems(q: ElementJson): ItemValue[] {
  const texts = new Map(itemValues(q.rateValues).map((item) => [item.value, item.text]))
  return ratingValues(q).map((value) => ({ value, text: texts.get(value) ?? String(value) }))
}

function choiceItems(q: ElementJson): ItemValue[] {
  const declared = itemValues(q.choices)
  const special: Record<string, string> = {
    other: textOf(q.otherText, 'Other (please specify)'),
    none: textOf(q.noneText, 'None'),
    refused: textOf(q.refuseText, 'Prefer not to answer'),
    dontknow: textOf(q.dontKnowText, 'Don’t know'),
  }
  return choiceValues(q, true).map(
    (value, i) => declared[i] ?? { value, text: special[String(value)] ?? String(value) },
  )
}

function booleanItems(q: ElementJson): ItemValue[] {
  return [
    { value: true, text: textOf(q.labelTrue, 'Yes') },
    { value: false, text: textOf(q.labelFalse, 'No') },
  ]
}

function answerItems(node: QuestionNode): ItemValue[] {
  if (node.type === 'rating') return ratingItems(node.json)
  if (node.type === 'boolean') return booleanItems(node.json)
  return node.type === 'dropdown' || node.type === 'radiogroup' ? choiceItems(node.json) : []
}

/** What `{name}` or `{matrix.row}` in a condition refers to, as the respondent sees it on paper. */
function targetOf(name: string, numbers: Map<string, Numbered>): Target | undefined {
  const direct = numbers.get(name)
  if (direct) return { label: `question ${direct.number}`, values: answerItems(direct.node) }
  const dot = name.indexOf('.')
  const matrix = dot > 0 ? numbers.get(name.slice(0, dot)) : undefined
  if (matrix?.node.type !== 'matrix') return undefined
  const row = itemValues(matrix.node.json.rows).find((r) => String(r.value) === name.slice(dot + 1))
  if (!row) return undefined
  return {
    label: `“${row.text}” in question ${matrix.number}`,
    values: itemValues(matrix.node.json.columns),
  }
}

function holds(value: ScalarValue, op: string, operand: ScalarValue): boolean {
  if (op === '=' || op === '==')
    return String(value).toLowerCase() === String(operand).toLowerCase()
  const [a, b] = [numericValue(value), numericValue(operand)]
  if (a === null || b === null) return false
  return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b
}

const conditionForm =
  /^\s*\{([^{}]+)\}\s*(?:(<=|>=|<|>|==|=)\s*(-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|true|false)|(notempty|empty))\s*$/i

/** "you ticked 1 or 2 for question 1" for the simple forms; anything else is left to the reader. */
function conditionClause(expression: string | undefined, numbers: Map<string, Numbered>): string {
  if (!expression) return ''
  const fallback = 'it applies to you'
  const match = conditionForm.exec(expression)
  const target = match ? targetOf(match[1]!.trim(), numbers) : undefined
  if (!match || !target) return fallback
  const [, , op, raw, emptiness] = match
  if (emptiness) {
    const answered = emptiness.toLowerCase() === 'notempty'
    return answered ? `you answered ${target.label}` : `you left ${target.label} blank`
  }
  const operand: ScalarValue = /^['"]/.test(raw!)
    ? raw!.slice(1, -1)
    : /^(true|false)$/i.test(raw!)
      ? raw!.toLowerCase() === 'true'
      : Number(raw)
  const ticked = target.values.filter((item) => holds(item.value, op!, operand))
  if (ticked.length === 0 || ticked.length === target.values.length) return fallback
  return `you ticked ${orList(ticked.map(shown))} for ${target.label}`
}

function lines(count: number): string {
  return `<div class="lines">${'<span></span>'.repeat(count)}</div>`
}

function choiceList(items: ItemValue[], q: ElementJson, hint: string, declared: number): string {
  const other = allowsOther(q) ? declared : -1
  const li = items.map(
    (item, i) =>
      `<li>${box}<span>${esc(item.text)}</span>${i === other ? '<span class="write-in"></span>' : ''}</li>`,
  )
  const layout = items.length > 6 ? 'choices columns' : 'choices'
  return `<p class="hint">${hint}</p><ul class="${layout}">${li.join('')}</ul>`
}

function ratingScale(q: ElementJson): string {
  const items = ratingItems(q)
  const n = items.length
  const worded = items.some((item) => numericValue(item.text) === null)
  const half = Math.max(1, Math.floor(n / 2))
  const ends = [
    `<span class="end from-1 span-${half}">${esc(textProp(q, 'minRateDescription'))}</span>`,
    `<span class="end max from-${n - half + 1} span-${half}">${esc(textProp(q, 'maxRateDescription'))}</span>`,
  ]
  return `<div class="scale n-${n}${worded ? ' worded' : ''}">${items
    .map((item) => `<span class="value">${esc(item.text)}</span>`)
    .join('')}${box.repeat(n)}${n > 1 ? ends.join('') : ''}</div>`
}

function matrixTable(q: ElementJson): string {
  const columns = itemValues(q.columns)
  const head = columns.map((c) => `<th scope="col">${esc(c.text)}</th>`).join('')
  // a code by each box speeds up keying; only numbers make sense there
  const code = (c: ItemValue) =>
    numericValue(c.value) === null ? '' : `<span class="code">${esc(String(c.value))}</span>`
  const cell = (c: ItemValue) => `<td>${box}${code(c)}</td>`
  const rows = itemValues(q.rows).map((row, i) => {
    const letter = i < 26 ? String.fromCharCode(97 + i) : String(i + 1)
    return `<tr><th scope="row"><span class="letter">${letter}</span>${esc(row.text)}</th>${columns.map(cell).join('')}</tr>`
  })
  return `<table class="matrix columns-${columns.length}"><thead><tr><th class="hint">Tick one box in each row</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`
}

function answerArea(node: QuestionNode): string {
  const q = node.json
  if (node.type === 'rating') return ratingScale(q)
  if (node.type === 'matrix') return matrixTable(q)
  if (node.type === 'text') return lines(1)
  if (node.type === 'comment') {
    const rows = typeof q.rows === 'number' && q.rows >= 1 ? Math.min(Math.round(q.rows), 20) : 4
    return lines(rows)
  }
  if (node.type === 'boolean') return choiceList(booleanItems(q), q, 'Tick one', -1)
  const declared = itemValues(q.choices).length
  const hint = node.type === 'checkbox' ? 'Tick all that apply' : 'Tick one'
  const open = hasOpenChoices(q) ? `<p class="hint">Or write in:</p>${lines(1)}` : ''
  return choiceList(choiceItems(q), q, hint, declared) + open
}

function question({ node, number }: Numbered, numbers: Map<string, Numbered>): string {
  const condition = conditionClause(stringProp(node.json, 'visibleIf'), numbers)
  const long = node.type === 'matrix' && itemValues(node.json.rows).length > 12 ? ' long' : ''
  return `<section class="question ${node.type}${long}" data-number="${number}" data-name="${esc(node.name)}">
<h3><span class="number">${number}</span><span>${esc(textOf(node.json.title, node.name))}</span></h3>
${condition ? para('condition', `Answer only if ${condition}.`) : ''}${para('description', textProp(node.json, 'description'))}
${answerArea(node)}
</section>`
}

/** An html element (such as the builder's "What we mean by:" list) as escaped text. */
function note(node: QuestionNode, numbers: Map<string, Numbered>): string {
  const lines = htmlToText(textOf(node.json.html, ''))
  if (lines.length === 0) return ''
  const condition = conditionClause(stringProp(node.json, 'visibleIf'), numbers)
  let body = ''
  lines.forEach((line, i) => {
    const bullet = line.startsWith('• ')
    if (!bullet) body += para('', line)
    else
      body += `${lines[i - 1]?.startsWith('• ') ? '' : '<ul>'}<li>${esc(line.slice(2))}</li>${
        lines[i + 1]?.startsWith('• ') ? '' : '</ul>'
      }`
  })
  return `<div class="note" data-name="${esc(node.name)}">${
    condition ? para('condition', `Read this only if ${condition}.`) : ''
  }${body}</div>`
}

function containerHeading(container: ElementJson, depth: number, numbers: Map<string, Numbered>) {
  const condition = conditionClause(stringProp(container, 'visibleIf'), numbers)
  const title = textProp(container, 'title')
  return `<div class="section${depth > 0 ? ' panel' : ''}">${title ? `<h2>${esc(title)}</h2>` : ''}${
    condition ? para('condition', `Answer this section only if ${condition}.`) : ''
  }${para('description', textProp(container, 'description'))}</div>`
}

/** "1 = extremely dissatisfied, 5 = extremely satisfied. " from the overall rating (mapped or named so), or the first labelled one. */
function scaleKey(questions: Numbered[], overall: string | null): string {
  const labelled = questions.filter(
    ({ node }) =>
      node.type === 'rating' &&
      textProp(node.json, 'minRateDescription') &&
      textProp(node.json, 'maxRateDescription'),
  )
  const rating = (labelled.find(({ node }) => node.name === overall) ?? labelled[0])?.node.json
  if (!rating) return ''
  const items = ratingItems(rating)
  const lower = (text: string) =>
    /^.[a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
  const min = lower(textProp(rating, 'minRateDescription'))
  const max = lower(textProp(rating, 'maxRateDescription'))
  return `${items[0]!.text} = ${min}, ${items.at(-1)!.text} = ${max}. `
}

/**
 * A self-contained HTML page (no external resources, no script but the Print button) that lays
 * a SurveyJS definition out as a postal questionnaire: numbered questions with tick boxes,
 * ruled write-in lines and plain-language routing for `visibleIf`. An html element prints as its
 * text, never as markup. Unsupported question types (expression, file, dynamic panels…) and
 * hidden ones are left out.
 */
export function printableQuestionnaire(
  definition: SurveyDefinition,
  options: PrintableOptions,
): string {
  let count = 0
  const printed = walkQuestions(definition)
    .filter((node) => notedTypes.has(node.type))
    .filter((node) => [...node.containers, node.json].every((el) => el.visible !== false))
    .map((node) => (node.type === 'html' ? { node, number: 0 } : { node, number: ++count }))
  const questions = printed.filter((q) => q.number > 0)
  const numbers = new Map<string, Numbered>()
  for (const q of questions)
    for (const key of [q.node.name, q.node.dataKey]) if (!numbers.has(key)) numbers.set(key, q)
  let chain: ElementJson[] = []
  const body = printed.map((q) => {
    const first = q.node.containers.findIndex((c, depth) => chain[depth] !== c)
    const headings =
      first < 0
        ? []
        : q.node.containers.slice(first).map((c, i) => containerHeading(c, first + i, numbers))
    chain = q.node.containers
    return headings.join('') + (q.number > 0 ? question(q, numbers) : note(q.node, numbers))
  })
  const title = textProp(definition, 'title') || 'Questionnaire'
  const locale = stringProp(definition, 'locale')
  const lang = locale && /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(locale) ? locale : 'en'
  const organisation = options.organisation?.trim() ?? ''
  const keying = `${options.surveyId} v${options.version}`
  const returnTo = organisation ? ` to ${esc(organisation)}` : ''
  const nonceAttr = options.nonce ? ` nonce="${esc(options.nonce)}"` : ''
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="robots" content="noindex" />
<title>${esc(title)} · printable questionnaire</title>
<style${nonceAttr}>${printableStyles(keying)}</style>
</head>
<body>
<div class="toolbar"><button type="button" id="print">Print</button></div>
<main>
<header>
<div class="top">${letterhead(organisation, options.logoUrl)}<span class="reference">Reference: <span></span></span><span class="keying">${esc(keying)}</span></div>
<h1>${esc(title)}</h1>
${para('lead', textProp(definition, 'description'))}
<p class="instructions">Tick one box per question, like this ${tickedBox}. ${esc(scaleKey(questions, roleQuestions(definition).overall?.name ?? null))}Leave blank if it does not apply.</p>
</header>
${body.join('\n')}
<p class="closing">Thank you for your time. Please return this questionnaire${returnTo} in the envelope provided.</p>
<footer>Survey ${esc(options.surveyId)} · version ${esc(String(options.version))}</footer>
</main>
<script${nonceAttr}>document.getElementById('print').addEventListener('click', () => window.print())</script>
</body>
</html>
`
}

/** The organisation's logo and name at the top of the first page, when the programme has them. */
function letterhead(organisation: string, logoUrl?: string | null) {
  const logo =
    logoUrl && /^\/brand\/logo-[0-9a-f]{16}\.(png|jpg|svg)$/.test(logoUrl)
      ? `<img src="${esc(logoUrl)}" alt="${organisation ? '' : 'Logo'}">`
      : ''
  if (!logo && !organisation) return ''
  return `<span class="letterhead">${logo}${organisation ? `<span>${esc(organisation)}</span>` : ''}</span>`
}
