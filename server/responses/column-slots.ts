import { MAX_TEXT_LENGTH } from '../surveys/answer-checks'
import { compileSurvey } from '../surveys/compile-survey'
import { itemValues, type QuestionNode } from '../surveys/json-walk'
import { roleNames, roleQuestions } from '../surveys/role-questions'
import { matrixColumnValues } from '../surveys/scales'
import type { SurveyDefinition } from '../surveys/types'
import { type Apply, matrixCell, questionCell, textCell } from './answer-cells'
import { importanceColumn } from './responses-csv'

export type Slot = { id: string; rating: boolean; apply: Apply }

const NO_ANSWER = new Set(['html', 'image', 'expression', 'empty'])

/**
 * Column name → where its cell goes, named as the export names them: role questions by their
 * role (`overall`, `rebuy`, attribute keys, `imp_<key>`, whatever the questions are called, so a
 * survey with a `csiRoles` mapping reads its own export back), then questions by name, other
 * matrix rows as `<matrix>.<row>` (and attitude rows also by the bare row key when nothing else
 * has that name). The first claim on a name wins, in the export's order of precedence.
 */
export function slotsOf(definition: SurveyDefinition): Map<string, Slot> {
  const survey = compileSurvey(definition)
  const roles = roleQuestions(definition)
  const slots = new Map<string, Slot>()
  const claim = (column: string, slot: Slot) => {
    if (!slots.has(column)) slots.set(column, slot)
  }
  const rowsOf = (node: QuestionNode) => itemValues(node.json.rows).map((row) => String(row.value))
  const rowSlot = (node: QuestionNode, row: string): Slot => ({
    id: `m:${node.dataKey}\u0000${row}`,
    rating: true,
    apply: matrixCell(node.dataKey, row, matrixColumnValues(node.json)),
  })
  const questionSlot = (node: QuestionNode): Slot => ({
    id: `q:${node.dataKey}`,
    rating: node.type === 'rating',
    apply: questionCell(node, survey.settings.storeOthersAsComment),
  })
  for (const a of roles.attributes) {
    claim(a.key, a.source === 'matrix' ? rowSlot(a.question, a.key) : questionSlot(a.question))
  }
  const importance = roles.importanceMatrix
  for (const row of importance ? rowsOf(importance) : []) {
    claim(importanceColumn(row), rowSlot(importance!, row))
  }
  if (roles.overall) claim(roleNames.overall, questionSlot(roles.overall))
  if (roles.rebuy) claim(roleNames.rebuy, questionSlot(roles.rebuy))
  for (const node of survey.questions) {
    if (!NO_ANSWER.has(node.type)) claim(node.name, questionSlot(node))
  }
  for (const key of survey.commentKeys.keys()) {
    claim(key, { id: `q:${key}`, rating: false, apply: textCell(key, MAX_TEXT_LENGTH) })
  }
  const matrices = survey.questions.filter((q) => q.type === 'matrix')
  for (const node of matrices) {
    for (const row of rowsOf(node)) claim(`${node.name}.${row}`, rowSlot(node, row))
  }
  const attitude = roles.attitudeMatrix
  for (const row of attitude ? rowsOf(attitude) : []) {
    claim(row, rowSlot(attitude!, row))
    claim(`${roleNames.attitude}.${row}`, rowSlot(attitude!, row))
  }
  return slots
}
