import { escapeHtml } from '../lib/html'
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

function cssString(text: string): string {
  return `"${text.replace(/[^\w .-]/g, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`
}

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

const styles = (footer: string) => `
@page { size: A4; margin: 15mm; @bottom-right { content: ${footer} " · page " counter(page) " of " counter(pages); font: 7pt system-ui, sans-serif; } }
* { box-sizing: border-box; }
body { margin: 0; background: #e9ecef; color: #000; font: 11pt/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif; }
.toolbar { max-width: 800px; margin: 0 auto; padding: 16px 0 0; text-align: right; }
.toolbar button { font: inherit; padding: 6px 20px; border: 1px solid #333; border-radius: 4px; background: #fff; cursor: pointer; }
main { max-width: 800px; margin: 12px auto 32px; padding: 40px 48px; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); }
header { border-bottom: 0.4mm solid #000; padding-bottom: 4mm; margin-bottom: 6mm; }
.top { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 6mm; font-size: 9.5pt; }
.letterhead { display: inline-flex; align-items: center; gap: 3mm; font-weight: 600; }
.letterhead img { height: 9mm; width: auto; max-width: 45mm; }
.reference { margin-left: auto; white-space: nowrap; }
.reference span { display: inline-block; width: 42mm; border-bottom: 0.25mm solid #000; }
h1 { font-size: 18pt; line-height: 1.2; margin: 4mm 0 2mm; }
h2 { font-size: 13pt; margin: 0 0 1mm; }
h3 { display: flex; gap: 2.5mm; font-size: 11pt; margin: 0 0 1.5mm; }
h1, h2, h3, p, th { white-space: pre-line; }
p { margin: 0 0 1.5mm; }
.instructions { margin-top: 3mm; }
.section { margin: 8mm 0 3mm; padding-bottom: 1mm; border-bottom: 0.25mm solid #000; break-after: avoid; }
.section.panel { border-bottom: none; margin-top: 5mm; }
.section.panel h2 { font-size: 11.5pt; }
.question { margin: 0 0 7mm; padding-left: 8.5mm; break-inside: avoid; }
/* a long grid may run over a page: its thead repeats, and a row never splits */
.question.long { break-inside: auto; }
.question h3 { margin-left: -8.5mm; break-after: avoid; }
.number { flex: none; min-width: 6mm; }
.description, .hint, .condition { font-size: 9.5pt; }
.condition { font-style: italic; font-weight: 600; }
.box { display: inline-block; flex: none; width: 5mm; height: 5mm; border: 0.3mm solid #000; vertical-align: middle; background: #fff; }
.box svg { display: block; width: 100%; height: 100%; }
.scale { display: inline-grid; grid-template-columns: repeat(var(--n), 14mm); justify-items: center; row-gap: 1mm; margin-top: 1mm; }
.scale.worded { grid-template-columns: repeat(var(--n), 22mm); }
.value { font-size: 9.5pt; text-align: center; line-height: 1.15; align-self: end; }
.end { justify-self: start; font-size: 8.5pt; line-height: 1.2; max-width: 100%; }
.end.max { justify-self: end; text-align: right; }
.choices { list-style: none; padding: 0; margin-top: 1mm; margin-bottom: 0; }
.choices.columns { columns: 2; column-gap: 8mm; }
.choices li { display: flex; align-items: center; gap: 2.5mm; margin-bottom: 1.8mm; break-inside: avoid; }
.write-in { flex: 1; min-width: 30mm; align-self: flex-end; border-bottom: 0.25mm solid #000; }
.lines span { display: block; height: 8mm; border-bottom: 0.25mm solid #000; }
.matrix { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 1mm; }
.matrix th, .matrix td { border: 0.2mm solid #000; padding: 1.2mm 1.5mm; }
.matrix thead th { width: 12%; font-size: 8pt; font-weight: 600; line-height: 1.2; text-align: center; vertical-align: bottom; }
.matrix thead th.hint { width: auto; text-align: left; font-weight: normal; font-style: italic; }
.matrix tbody th { font-weight: normal; text-align: left; font-size: 10pt; line-height: 1.25; }
.matrix td { text-align: center; white-space: nowrap; }
.matrix tr { break-inside: avoid; }
.letter { display: inline-block; min-width: 4.5mm; }
.code { display: inline-block; width: 0; font-size: 6.5pt; margin-left: 0.8mm; vertical-align: top; }
.note { margin: 0 0 4mm 8.5mm; padding: 1mm 3mm; border-left: 0.6mm solid #000; font-size: 9.5pt; break-inside: avoid; break-after: avoid; }
.note ul { margin: 0.5mm 0 0; padding-left: 5mm; }
.note li { margin-bottom: 0.5mm; }
.closing { margin-top: 8mm; font-weight: 600; }
footer { margin-top: 6mm; font-size: 7.5pt; }
/* in print the id sits in the page footer (@page) and, for browsers without margin boxes, here */
.keying { display: none; font-size: 7.5pt; }
@media (max-width: 640px) {
  .toolbar { padding: 8px 12px 0; }
  main { margin: 8px 0 0; padding: 20px 16px; box-shadow: none; }
  .question { padding-left: 0; }
  .question h3 { margin-left: 0; }
  .note { margin-left: 0; }
  /* on a phone the grid becomes one block per row: its label, then a line of boxes */
  .matrix, .matrix thead, .matrix tbody { display: block; }
  .matrix tr { display: grid; grid-template-columns: repeat(var(--columns), minmax(0, 1fr)); }
  .matrix th, .matrix td { width: auto !important; border: none; padding: 1mm 0.5mm; }
  .matrix th.hint, .matrix tbody th { grid-column: 1 / -1; }
  .matrix thead th { font-size: 7pt; overflow-wrap: break-word; hyphens: auto; }
  .matrix tbody tr { border-top: 0.2mm solid #000; }
  .scale { grid-template-columns: repeat(var(--n), minmax(0, 14mm)); }
  .scale.worded { grid-template-columns: repeat(var(--n), minmax(0, 22mm)); }
}
@media print {
  body { background: none; }
  .toolbar, footer { display: none; }
  .keying { display: inline; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; }
}`

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
<style${nonceAttr}>${styles(cssString(keying))}${gridSizes}</style>
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

// Scale widths and label spans as classes, not style attributes, which the page's
// Content-Security-Policy refuses; 30 covers any rating scale or matrix worth printing.
const gridSizes = Array.from({ length: 30 }, (_, i) => i + 1)
  .map(
    (k) =>
      `.n-${k}{--n:${k}}.columns-${k}{--columns:${k}}.from-${k}{grid-column-start:${k}}.span-${k}{grid-column-end:span ${k}}`,
  )
  .join('')

/** The organisation's logo and name at the top of the first page, when the programme has them. */
function letterhead(organisation: string, logoUrl?: string | null) {
  const logo =
    logoUrl && /^\/brand\/logo-[0-9a-f]{16}\.(png|jpg|svg)$/.test(logoUrl)
      ? `<img src="${esc(logoUrl)}" alt="${organisation ? '' : 'Logo'}">`
      : ''
  if (!logo && !organisation) return ''
  return `<span class="letterhead">${logo}${organisation ? `<span>${esc(organisation)}</span>` : ''}</span>`
}
