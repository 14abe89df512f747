import type { CatalogueItem } from './catalogue-items'
import { shippedSurveys } from './shipped-surveys'
import { attitudeItems, surveyRoles } from './survey-roles'
import { audiences } from './types'

/**
 * The catalogue a programme starts from, read off the shipped surveys: every attribute key
 * with the audiences that rate it (label from the first survey that has it), then the employee
 * survey's attitude items.
 */
export function starterCatalogue(): CatalogueItem[] {
  const items: CatalogueItem[] = []
  for (const survey of shippedSurveys) {
    for (const { key, label } of surveyRoles(survey.definition).attributes) {
      const known = items.find((i) => i.key === key)
      if (known) known.audiences.push(survey.audience)
      else
        items.push({
          key,
          kind: 'attribute',
          label,
          description: null,
          audiences: [survey.audience],
        })
    }
  }
  for (const item of items)
    item.audiences.sort((a, b) => audiences.indexOf(a) - audiences.indexOf(b))
  const employee = shippedSurveys.find((s) => s.audience === 'employee')
  for (const { key, label } of employee ? attitudeItems(employee.definition) : []) {
    items.push({ key, kind: 'attitude', label, description: null, audiences: ['employee'] })
  }
  return items
}
