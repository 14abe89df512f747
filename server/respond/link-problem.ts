import { ApiError } from '../lib/errors'

const problems = {
  unknown: ['NOT_FOUND', 'This survey link is not valid. Please check that you copied all of it.'],
  closed: ['GONE', 'This survey has closed. Thank you for your interest.'],
  'not-yet-open': ['FORBIDDEN', 'This survey is not open yet.'],
  used: ['CONFLICT', 'You have already answered this survey with this link. Thank you!'],
} as const

/** The error for a link that cannot be answered; says which, and nothing about the wave. */
export function linkProblem(state: keyof typeof problems) {
  const [code, message] = problems[state]
  return new ApiError(code, message)
}

export function linkProblemText(state: keyof typeof problems) {
  return problems[state][1]
}
