import { questionsOf } from './compile-survey'
import { itemValues, textOf } from './json-walk'
import { attitudeItems, surveyRoles } from './survey-roles'
import type { SurveyDefinition } from './types'

/** Labels of the questions a report names by key: attributes, attitude, segments, comments. */
export function reportLabels(definition: SurveyDefinition) {
  const roles = surveyRoles(definition)
  const questions = questionsOf(definition)
  const titled = (name: string) => ({
    key: name,
    label: textOf(questions.find((q) => q.name === name)?.json.title, name),
  })
  const choices = (name: string) =>
    Object.fromEntries(
      itemValues(questions.find((q) => q.name === name)?.json.choices).map((c) => [
        String(c.value),
        c.text,
      ]),
    )
  return {
    attributes: roles.attributes.map(({ key, label }) => ({ key, label })),
    segments: roles.segments.map((name) => ({ ...titled(name), values: choices(name) })),
    comments: roles.comments.map(titled),
    attitude: attitudeItems(definition),
  }
}
