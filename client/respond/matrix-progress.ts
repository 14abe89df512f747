import { QuestionMatrixModel } from 'survey-core'

/**
 * survey-core counts a matrix as one question, so eight attributes read "Answered 1/4 questions"
 * after the first rating. Each attribute is a question to the respondent: count its rows, in the
 * text and the bar alike (both read getProgressInfo).
 */
const base = QuestionMatrixModel.prototype.getProgressInfo
QuestionMatrixModel.prototype.getProgressInfo = function (this: QuestionMatrixModel) {
  const rows = this.visibleRows
  if (!rows || rows.length === 0) return base.call(this)
  const answered = rows.filter((r) => r.value !== undefined && r.value !== null && r.value !== '')
  const required = this.isRequired || this.eachRowRequired ? rows.length : 0
  return {
    questionCount: rows.length,
    answeredQuestionCount: answered.length,
    requiredQuestionCount: required,
    requiredAnsweredQuestionCount: required ? answered.length : 0,
  }
}

/**
 * Marks matrices whose choices are the numbers 1–5 in order (the attribute ratings), which
 * respond.css lays out on phones as rows of numbered buttons.
 */
export function markScaleMatrices(model: import('survey-core').SurveyModel) {
  model.onUpdateQuestionCssClasses.add((_, options) => {
    const q = options.question
    if (q.getType() !== 'matrix') return
    const values = (q as QuestionMatrixModel).columns.map((c) => Number(c.value))
    if (values.length === 5 && values.every((v, i) => v === i + 1))
      options.cssClasses.mainRoot = `${options.cssClasses.mainRoot ?? ''} csi-scale-matrix`
  })
}
