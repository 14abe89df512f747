// Who answers a survey (types.ts). Employee waves are anonymous; the other three are named.
export { audiences, type Audience } from './types'

/**
 * The anonymity policy, in one place: an employee response is never tied to the person, its
 * time is kept to the day, and its comments are shown without the commenter's identity.
 */
export const isAnonymous = (audience: string) => audience === 'employee'

/** An anonymous response's time: the day only, so it cannot be matched with invitee activity. */
export function anonymousTime(d: Date) {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}
