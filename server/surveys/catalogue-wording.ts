import type { Audience } from './types'

/** The 1–5 columns every shipped survey uses, by what the scale measures. */
export const scaleColumns = {
  satisfaction: [
    '1 – Very dissatisfied',
    '2 – Dissatisfied',
    '3 – Neither satisfied nor dissatisfied',
    '4 – Satisfied',
    '5 – Very satisfied',
  ],
  importance: [
    '1 – Not at all important',
    '2 – Slightly important',
    '3 – Moderately important',
    '4 – Very important',
    '5 – Extremely important',
  ],
  agreement: [
    '1 – Strongly disagree',
    '2 – Disagree',
    '3 – Neither agree nor disagree',
    '4 – Agree',
    '5 – Strongly agree',
  ],
} as const

export type Wording = {
  title: string
  description: string
  overall: string
  /** Re-buy, re-order or keep stocking; employees have none. */
  rebuy: string | null
  lowScoreNote: string | null
  attributesPage: string
  attributesPageNote?: string
  attributes: string
  attributesNote: string
  importance: string
  comments: string
}

const supplier = 'Overall, how satisfied are you with us as a supplier?'
const blank =
  'If an item does not apply to you, or you have no experience of it, simply leave that row blank.'
const partner = (who: string) =>
  `As one of our ${who} partners, you see our service up close. Please take a couple of minutes to tell us how well we support your business – your answers help us decide what to improve first.`

/**
 * Each audience's wording, as in the shipped surveys: customers rate us, intermediaries rate our
 * supply service, employees say how they think customers rate us (the mirror wording, so a
 * perception gap compares like with like).
 */
export const wording: Record<Audience, Wording> = {
  customer: {
    title: 'Customer satisfaction survey',
    description:
      'Thank you for taking a couple of minutes to tell us about your experience with us. Your honest answers help us improve the products and service you receive.',
    overall: supplier,
    rebuy: 'How likely are you to buy from us again?',
    lowScoreNote: 'Optional – your answer goes straight to the team responsible.',
    attributesPage: 'Our performance',
    attributes: 'How satisfied are you with each of the following?',
    attributesNote: blank,
    importance: 'How important is each of these to you when choosing a supplier?',
    comments: 'Is there anything else you would like to tell us?',
  },
  wholesaler: {
    title: 'Wholesale partner survey',
    description: partner('wholesale'),
    overall: supplier,
    rebuy: 'How likely are you to keep re-ordering from us over the next 12 months?',
    lowScoreNote: 'Optional – your answer goes straight to your account manager.',
    attributesPage: 'Our products and supply service',
    attributes: 'How satisfied are you with each of the following?',
    attributesNote: blank,
    importance: 'How important is each of these to you when choosing a supplier?',
    comments: 'What one thing could we do to serve your business better?',
  },
  retailer: {
    title: 'Retail partner survey',
    description: partner('retail'),
    overall: supplier,
    rebuy: 'How likely are you to keep stocking our products over the next 12 months?',
    lowScoreNote: 'Optional – your answer goes straight to your account manager.',
    attributesPage: 'Our products and supply service',
    attributes: 'How satisfied are you with each of the following?',
    attributesNote: blank,
    importance: 'How important is each of these to you when choosing a supplier?',
    comments: 'What one thing could we do to serve your business better?',
  },
  employee: {
    title: 'Employee survey: how we serve our customers',
    description:
      'This survey is anonymous. We do not ask for your name or e-mail address, your answers are never linked to you, and results are only reported for groups of at least five people. It takes about three minutes.',
    overall: 'Overall, how satisfied do you think our customers are with us?',
    rebuy: null,
    lowScoreNote: null,
    attributesPage: 'How do you think our customers see us?',
    attributesPageNote:
      'Put yourself in our customers’ shoes. We will compare the answers with what customers tell us.',
    attributes: 'How do you think our customers rate us on each of the following?',
    attributesNote: 'If you have no view on an item, simply leave that row blank.',
    importance: 'How important do you think each of these is to our customers?',
    comments:
      'What could we change to serve our customers better? Please do not include names or details that could identify you or colleagues.',
  },
}

export const employeeWording = {
  attitudePage: 'Working here',
  attitude: 'How far do you agree with each statement?',
  attitudeNote: 'Leave a row blank if you prefer not to answer.',
  department: 'Which area do you work in?',
  departmentNote: 'Used only to group results; groups of fewer than five people are never shown.',
}

/** The shipped employee survey's areas, used when a build names none. */
export const defaultDepartments: ReadonlyArray<{ value: string; text: string }> = [
  { value: 'sales', text: 'Sales and account management' },
  { value: 'customer_service', text: 'Customer service' },
  { value: 'technical_support', text: 'Technical support' },
  { value: 'operations', text: 'Operations, warehouse and logistics' },
  { value: 'production', text: 'Production' },
  { value: 'office', text: 'Finance, HR and administration' },
  { value: 'management', text: 'Management' },
  { value: 'prefer_not_to_say', text: 'Prefer not to say' },
]

export const thankYou =
  '<h3>Thank you!</h3><p>Your answers have been received. We read every response, and your feedback helps us decide what to improve first.</p>'
