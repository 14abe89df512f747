/** A 1–5 scale's five column texts; a tuple, so a translation cannot drop one. */
export type Five = readonly [string, string, string, string, string]
const five = (...texts: Five): Five => texts

const supplier = 'Overall, how satisfied are you with us as a supplier?'
const blank =
  'If an item does not apply to you, or you have no experience of it, simply leave that row blank.'
const partner = (who: string) =>
  `As one of our ${who} partners, you see our service up close. Please take a couple of minutes to tell us how well we support your business – your answers help us decide what to improve first.`
const common = {
  overall: supplier,
  attributes: 'How satisfied are you with each of the following?',
  attributesNote: blank,
  attributesPageNote: null,
  importance: 'How important is each of these to you when choosing a supplier?',
  importancePage: 'What matters most to you',
}
const trade = {
  ...common,
  lowScoreNote: 'Optional – your answer goes straight to your account manager.',
  attributesPage: 'Our products and supply service',
  comments: 'What one thing could we do to serve your business better?',
}

/**
 * The builder's own English wording, as in the shipped surveys; every other language file is
 * typed against this one. Customers rate us, intermediaries rate our supply service, employees
 * say how they think customers rate us (the mirror wording, so a perception gap compares like
 * with like).
 */
export const en = {
  scales: {
    satisfaction: five(
      '1 – Very dissatisfied',
      '2 – Dissatisfied',
      '3 – Neither satisfied nor dissatisfied',
      '4 – Satisfied',
      '5 – Very satisfied',
    ),
    importance: five(
      '1 – Not at all important',
      '2 – Slightly important',
      '3 – Moderately important',
      '4 – Very important',
      '5 – Extremely important',
    ),
    agreement: five(
      '1 – Strongly disagree',
      '2 – Disagree',
      '3 – Neither agree nor disagree',
      '4 – Agree',
      '5 – Strongly agree',
    ),
  },
  ends: {
    dissatisfied: 'Extremely dissatisfied',
    satisfied: 'Extremely satisfied',
    unlikely: 'Very unlikely',
    likely: 'Very likely',
  },
  overallPage: 'Your overall view',
  lowScore: 'We are sorry to hear that. What went wrong, and what could we do to put it right?',
  importanceNote: 'Optional. Leave a row blank if you have no view on it.',
  finalPage: 'Anything else?',
  completeText: 'Submit',
  thankYou:
    '<h3>Thank you!</h3><p>Your answers have been received. We read every response, and your feedback helps us decide what to improve first.</p>',
  audiences: {
    customer: {
      ...common,
      title: 'Customer satisfaction survey',
      description:
        'Thank you for taking a couple of minutes to tell us about your experience with us. Your honest answers help us improve the products and service you receive.',
      rebuy: 'How likely are you to buy from us again?',
      lowScoreNote: 'Optional – your answer goes straight to the team responsible.',
      attributesPage: 'Our performance',
      comments: 'Is there anything else you would like to tell us?',
    },
    wholesaler: {
      ...trade,
      title: 'Wholesale partner survey',
      description: partner('wholesale'),
      rebuy: 'How likely are you to keep re-ordering from us over the next 12 months?',
    },
    retailer: {
      ...trade,
      title: 'Retail partner survey',
      description: partner('retail'),
      rebuy: 'How likely are you to keep stocking our products over the next 12 months?',
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
      importancePage: 'What matters most to our customers',
      comments:
        'What could we change to serve our customers better? Please do not include names or details that could identify you or colleagues.',
    },
  },
  employee: {
    attitudePage: 'Working here',
    attitude: 'How far do you agree with each statement?',
    attitudeNote: 'Leave a row blank if you prefer not to answer.',
    department: 'Which area do you work in?',
    departmentNote: 'Used only to group results; groups of fewer than five people are never shown.',
  },
  /** The shipped employee survey's areas by answer value, in order; "prefer not to say" last. */
  departments: {
    sales: 'Sales and account management',
    customer_service: 'Customer service',
    technical_support: 'Technical support',
    operations: 'Operations, warehouse and logistics',
    production: 'Production',
    office: 'Finance, HR and administration',
    management: 'Management',
    prefer_not_to_say: 'Prefer not to say',
  },
}

/** What every language file must say, key for key (employees have no re-buy question). */
export type CatalogueWording = typeof en
