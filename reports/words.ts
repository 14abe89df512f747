import type { Band, Quadrant, Verdict } from './types'

/*
 * The one vocabulary of the reports, for a manager who is not a statistician: the dashboard, the
 * print view and the md report use these words; JSON and CSV carry the codes beside them. A
 * band is absolute (the /10 score against the cut-offs); a quadrant is relative (against the
 * other attributes); the priority joins both, so a name never contradicts the band beside it.
 */

export const bandName: Record<Band, string> = {
  strength: 'Strength',
  adequate: 'Adequate',
  concern: 'Concern',
}

/** What each band says, without its cut-offs (those come from the report's settings). */
export const bandMeaning: Record<Band, string> = {
  strength: 'market-leader level',
  adequate: 'acceptable, not yet leading',
  concern: 'a weakness',
}

/** Quadrants say only where an attribute sits against the others: they never judge. */
export const quadrantName: Record<Quadrant, string> = {
  'concentrate-here': 'More important, rated lower',
  'keep-up': 'More important, rated higher',
  'low-priority': 'Less important, rated lower',
  'possible-overkill': 'Less important, rated higher',
}

/** What to do about an attribute: its quadrant read together with its band. */
export type Priority =
  'fix-first' | 'keep' | 'improve' | 'secondary-weakness' | 'secondary-strength' | 'maintain'

export const priorityName: Record<Priority, string> = {
  'fix-first': 'Priority: fix first',
  keep: 'Strength to keep',
  improve: 'Important: improve further',
  'secondary-weakness': 'Weakness, less important',
  'secondary-strength': 'Strength, less important',
  maintain: 'Good enough for now',
}

export const priorityMeaning: Record<Priority, string> = {
  'fix-first':
    'drives satisfaction more than most and is rated lower than the others or below the adequate cut-off',
  keep: 'drives satisfaction more than most and is at market-leader level',
  improve: 'drives satisfaction more than most and is adequate, not yet at market-leader level',
  'secondary-weakness':
    'drives satisfaction less than most and is rated lower than the others or below the adequate cut-off',
  'secondary-strength':
    'drives satisfaction less than most and is at market-leader level: do not over-invest',
  maintain: 'drives satisfaction less than most and is adequate',
}

/**
 * The priority of an attribute from its IPA quadrant and its band: important (upper quadrants)
 * and weak (rated lower than the others, or in `concern`) is "fix first"; important and in
 * `strength` "keep"; important and `adequate` "improve further"; the less important ones likewise
 * as "weakness / strength, less important" and "good enough". Null without a quadrant or band.
 */
export function priorityOf(quadrant: Quadrant | null, band: Band | null): Priority | null {
  if (quadrant === null || band === null) return null
  const important = quadrant === 'concentrate-here' || quadrant === 'keep-up'
  const weak = quadrant === 'concentrate-here' || quadrant === 'low-priority' || band === 'concern'
  if (important) return weak ? 'fix-first' : band === 'strength' ? 'keep' : 'improve'
  return weak ? 'secondary-weakness' : band === 'strength' ? 'secondary-strength' : 'maintain'
}

export const verdictName: Record<Verdict, string> = {
  dangerous: 'Dangerous gap',
  watch: 'Watch',
  pessimistic: 'Staff more critical',
  none: 'No clear gap',
  'descriptive-only': 'Not testable',
  suppressed: 'Hidden',
}
