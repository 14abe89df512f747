import customer from '../../surveys/customer.json'
import employee from '../../surveys/employee.json'
import retailer from '../../surveys/retailer.json'
import wholesaler from '../../surveys/wholesaler.json'
import type { Audience, SurveyDefinition } from './types'

export type ShippedSurvey = {
  /** The file name, which is the survey id (STYLE.md, surveys/ conventions). */
  id: string
  audience: Audience
  title: string
  version: number
  definition: SurveyDefinition
}

function shipped(
  id: string,
  audience: Audience,
  json: { title: string; version: number },
): ShippedSurvey {
  return { id, audience, title: json.title, version: json.version, definition: json }
}

/** The four questionnaires in surveys/, loaded into an empty database on first start. */
export const shippedSurveys: readonly ShippedSurvey[] = [
  shipped('customer', 'customer', customer),
  shipped('wholesaler', 'wholesaler', wholesaler),
  shipped('retailer', 'retailer', retailer),
  shipped('employee', 'employee', employee),
]
