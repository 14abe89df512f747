import type { SurveySettings } from './answer-checks'
import { allowsCommentKey } from './choices'
import type { QuestionNode } from './json-walk'
import { asArray, isPlainObject, stringProp, walkQuestions } from './json-walk'
import type { SurveyDefinition } from './types'

/** What validation needs from a definition, computed once per definition object. */
export type CompiledSurvey = {
  questions: QuestionNode[]
  /** Questions by the key of their answer (several when they share a `valueName`). */
  byKey: Map<string, QuestionNode[]>
  /** `<key>-Comment` keys: the "other" text or comment area of the question. */
  commentKeys: Map<string, QuestionNode[]>
  /** Calculated values with `includeIntoResult`, which survey-core adds to `survey.data`. */
  calculatedKeys: Set<string>
  settings: SurveySettings
  /** False with `clearInvisibleValues: "none"`: hidden questions keep their answers. */
  clearInvisible: boolean
  readOnly: boolean
}

const cache = new WeakMap<object, CompiledSurvey>()

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export function compileSurvey(definition: SurveyDefinition): CompiledSurvey {
  const cached = cache.get(definition)
  if (cached) return cached
  const questions = walkQuestions(definition)
  const suffix = stringProp(definition, 'commentSuffix') ?? '-Comment'
  const byKey = new Map<string, QuestionNode[]>()
  const commentKeys = new Map<string, QuestionNode[]>()
  for (const node of questions) {
    push(byKey, node.dataKey, node)
    if (allowsCommentKey(node.json)) push(commentKeys, node.dataKey + suffix, node)
  }
  const calculatedKeys = new Set(
    asArray(definition.calculatedValues)
      .filter(isPlainObject)
      .filter((item) => item.includeIntoResult === true)
      .map((item) => stringProp(item, 'name'))
      .filter((name): name is string => name !== undefined),
  )
  const compiled: CompiledSurvey = {
    questions,
    byKey,
    commentKeys,
    calculatedKeys,
    settings: { storeOthersAsComment: definition.storeOthersAsComment !== false },
    clearInvisible: definition.clearInvisibleValues !== 'none',
    readOnly: definition.mode === 'display',
  }
  cache.set(definition, compiled)
  return compiled
}

/** The questions of a definition (cached); nothing for a value that is not a JSON object. */
export function questionsOf(definition: unknown): QuestionNode[] {
  return isPlainObject(definition) ? compileSurvey(definition).questions : []
}
