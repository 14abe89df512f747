import type { SurveyDefinition } from '../surveys'
import { isShown } from '../surveys/conditions'
import { questionsOf } from '../surveys/compile-survey'
import { itemValues } from '../surveys/json-walk'

/** How one demo audience answers: its general mood and each attribute's offset from it. */
export type DemoProfile = {
  mood: number
  offsets: Record<string, number>
  /** Share of attribute cells left as "not applicable". */
  missing?: number
}

const praise = [
  'Deliveries have been on time all year, thank you.',
  'The sales team knows our business and it shows.',
  'Good products, fair prices. Keep it up.',
  'Ordering online is quick now.',
]
const fair = [
  'Mostly fine, but invoices sometimes arrive with errors.',
  'Support is helpful once you reach the right person.',
  'Prices went up faster than the service improved.',
  'Delivery slots could be more flexible.',
]
const complaints = [
  'Two late deliveries in a month, and nobody called us.',
  'My complaint took six weeks to be answered.',
  'Orders arrive incomplete too often.',
  'Too expensive for what we get.',
]

/** Deterministic random numbers (xorshift32), so a demo database is the same on every run. */
export function demoRandom(seed: number) {
  let x = seed || 1
  const next = () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())
  return { next, normal, pick: <T>(a: readonly T[]) => a[Math.floor(next() * a.length)]! }
}

const clamp5 = (x: number) => Math.min(5, Math.max(1, Math.round(x)))

/**
 * One plausible respondent for a survey definition: ratings drawn around the profile's mood,
 * segment answers and comments in line with the ratings, hidden questions left out.
 */
export function demoAnswers(
  definition: SurveyDefinition,
  profile: DemoProfile,
  rnd: ReturnType<typeof demoRandom>,
): Record<string, unknown> {
  const latent = profile.mood + rnd.normal() * 0.8
  const data: Record<string, unknown> = {}
  for (const q of questionsOf(definition)) {
    if (!q.containers.every((c) => isShown(c, data)) || !isShown(q.json, data)) continue
    const name = q.dataKey
    if (q.type === 'rating') data[name] = clamp5(latent + rnd.normal() * 0.6)
    else if (q.type === 'matrix') {
      const row: Record<string, number> = {}
      for (const r of itemValues(q.json.rows)) {
        if (rnd.next() < (profile.missing ?? 0.04)) continue
        const key = String(r.value)
        const offset = name === 'attributes' ? (profile.offsets[key] ?? 0) : 0
        row[key] =
          name === 'importance'
            ? clamp5(3.8 + (key.length % 3) * 0.4 + rnd.normal() * 0.7)
            : clamp5(latent + offset + rnd.normal() * 0.7)
      }
      data[name] = row
    } else if (q.type === 'dropdown' || q.type === 'radiogroup') {
      const choices = itemValues(q.json.choices)
      if (choices.length) data[name] = rnd.pick(choices).value
    } else if (q.type === 'comment') {
      if (name === 'low_score_reason') data[name] = rnd.pick(complaints)
      else if (rnd.next() < 0.4)
        data[name] = rnd.pick(latent >= 4 ? praise : latent >= 3 ? fair : complaints)
    }
  }
  return data
}
