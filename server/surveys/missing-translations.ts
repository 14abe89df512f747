import { surveyLanguages } from './survey-languages'

/** Properties of a SurveyJS definition a respondent reads (its localisable strings). */
const shown = new Set([
  'title',
  'description',
  'text',
  'html',
  'completedHtml',
  'completedBeforeHtml',
  'loadingHtml',
  'placeholder',
  'minRateDescription',
  'maxRateDescription',
  'otherText',
  'noneText',
  'otherPlaceholder',
  'requiredErrorText',
  'completeText',
  'pageNextText',
  'pagePrevText',
  'startSurveyText',
  'labelTrue',
  'labelFalse',
])

export type MissingTranslation = {
  language: string
  /** How many texts lack it (they show in the survey's default language instead). */
  count: number
  /** The first few, where they are: `attributes › rows › delivery`. */
  examples: string[]
}

const EXAMPLES = 5

/**
 * The texts a survey lacks in each programme language it is meant to speak (its own languages
 * and the programme's, beyond its default). SurveyJS shows the default text for a missing one,
 * so this is a warning, listed where the survey is checked and shown.
 */
export function missingTranslations(
  definition: Record<string, unknown>,
  programmeLanguages: readonly string[],
): MissingTranslation[] {
  const own = surveyLanguages(definition)
  const lower = (l: string) => l.toLowerCase()
  // Each wanted language once (as first spelt), never the survey's own default.
  const wanted: string[] = []
  for (const l of [...own.slice(1), ...programmeLanguages])
    if (lower(l) !== lower(own[0]!) && !wanted.some((w) => lower(w) === lower(l))) wanted.push(l)
  const missing = new Map<string, string[]>(wanted.map((l) => [l, []]))
  const visit = (value: unknown, path: string[]) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const name =
          v && typeof v === 'object' && 'name' in v
            ? String(v.name)
            : v && typeof v === 'object' && 'value' in v
              ? String(v.value)
              : String(i)
        visit(v, [...path, name])
      })
      return
    }
    if (!value || typeof value !== 'object') return
    for (const [key, v] of Object.entries(value)) {
      if (shown.has(key) && (typeof v === 'string' || isText(v))) {
        const have = typeof v === 'string' ? [] : Object.keys(v as object).map(lower)
        for (const [language, list] of missing)
          if (!have.includes(lower(language))) list.push([...path, key].join(' › ') || key)
      } else visit(v, key === 'pages' || key === 'elements' ? path : [...path, key])
    }
  }
  visit(definition, [])
  return [...missing]
    .filter(([, list]) => list.length > 0)
    .map(([language, list]) => ({
      language,
      count: list.length,
      examples: list.slice(0, EXAMPLES),
    }))
}

const isText = (v: unknown) =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  'default' in v &&
  Object.values(v).every((t) => typeof t === 'string')
