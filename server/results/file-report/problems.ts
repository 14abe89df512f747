import type { ColumnPlan } from './columns'
import { count } from './format'
import type { CellProblem } from './records'

/** How many refused rows a message lists. */
export const LISTED_PROBLEMS = 5

const notApplicableLike = /^(-\d+(\.\d+)?|0|na|n\/a|n\.a\.|nan|null|none|-|\.|\?|dk|x)$/i

function guessed(plan: ColumnPlan): string {
  const names = plan.attributes.map((a) => a.name)
  const list =
    names.length > 8 ? `${names.slice(0, 8).join(', ')}, … (${names.length})` : names.join(', ')
  return ` The rating columns were guessed from numeric columns (${list}); name them with --attributes.`
}

function hint(p: CellProblem, plan: ColumnPlan): string {
  if (p.column === 'audience' && !('fixed' in plan.audience)) return ''
  const v = p.value.trim()
  const n = Number(v)
  const detected = plan.attributesFrom === 'detected' && p.column !== plan.overall?.name
  if (notApplicableLike.test(v)) {
    return ` If "${v}" means "not applicable", pass --na ${v.startsWith('-') ? `=${v}` : v}.`
  }
  if (Number.isInteger(n) && n > 5 && n <= 11) {
    const scale = ' Only 1–5 ratings are accepted; this column looks like a wider scale.'
    return detected ? `${scale}${guessed(plan)}` : scale
  }
  if (detected) return guessed(plan)
  if (Number.isFinite(n) && !Number.isInteger(n)) return ' Ratings must be whole numbers.'
  return ''
}

/**
 * The one-line refusal of a file: the first offending row and column, then the first few
 * refused rows, the total, and a hint when the value suggests one (an --na code, a 1–7 scale).
 */
export function problemsMessage(problems: readonly CellProblem[], total: number, plan: ColumnPlan) {
  const first = problems[0]!
  const head = `row ${first.row}, column "${first.column}": "${first.value}" is not ${first.expected}.`
  const listed = problems.map((p) => `${p.row} (${p.column} "${p.value}")`).join(', ')
  const more = total > problems.length ? ` and ${count(total - problems.length)} more` : ''
  const rows = total === 1 ? '' : ` ${count(total)} rows refused: ${listed}${more}.`
  return `${head}${rows}${hint(first, plan)} Nothing was reported.`
}
