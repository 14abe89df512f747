import { escapeHtml } from '../lib/html'
import type { CatalogueItem } from './catalogue-items'
import {
  builderWording,
  catalogueWordings,
  type CatalogueWording,
  defaultDepartments,
} from './catalogue-wording'
import type { ElementJson } from './json-walk'
import type { Audience, LocalizableText, SurveyDefinition } from './types'

export type Choice = { value: string; text: string }

export type BuildOptions = {
  audience: Audience
  title?: string
  /** Adds the stated-importance matrix, with the same rows as the attributes. */
  importance?: boolean
  /** Employee survey: the areas of the `department` question (default: the shipped ones). */
  departments?: readonly Choice[]
  /** Segment questions (region, size…) kept on the last page, e.g. from the current version. */
  segments?: readonly ElementJson[]
  /** The programme's languages: the builder's own texts come in each one we ship (and in each
   * language the catalogue's labels are in). */
  languages?: readonly string[]
}

/** `Customer service` → `customer_service`: a department's answer value. */
export const choiceValue = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')

/** Area names as choices, "Prefer not to say" last (anonymity: nobody has to name theirs). */
export function departmentChoices(texts: readonly string[]): Choice[] {
  const choices = texts.map((text) => ({ value: choiceValue(text), text: text.trim() }))
  return choices.some((c) => c.value === 'prefer_not_to_say')
    ? choices
    : [
        ...choices,
        { value: 'prefer_not_to_say', text: catalogueWordings.en.departments.prefer_not_to_say },
      ]
}

const rating = (
  name: string,
  title: LocalizableText,
  low: LocalizableText,
  high: LocalizableText,
): ElementJson => ({
  type: 'rating',
  name,
  title,
  isRequired: true,
  rateMin: 1,
  rateMax: 5,
  minRateDescription: low,
  maxRateDescription: high,
  displayMode: 'buttons',
  rateDescriptionLocation: 'bottom',
})

const matrix = (
  name: string,
  title: LocalizableText,
  description: LocalizableText,
  columns: readonly LocalizableText[],
  items: readonly CatalogueItem[],
): ElementJson => ({
  type: 'matrix',
  name,
  title,
  description,
  columns: columns.map((text, i) => ({ value: i + 1, text })),
  rows: items.map((item) => ({ value: item.key, text: localisable(item) })),
  isAllRowRequired: false,
  alternateRows: true,
})

/**
 * What the items mean, as a short list above their matrix: a matrix row has no description of
 * its own in SurveyJS, and "Label — description" rows wrap badly on a phone. English only:
 * catalogue descriptions have no translations, so the list stays listed as missing in other
 * languages rather than half translated.
 */
function notes(name: string, items: readonly CatalogueItem[]): ElementJson[] {
  const described = items.filter((item) => item.description)
  if (described.length === 0) return []
  const entries = described
    .map((i) => `<li><strong>${escapeHtml(i.label)}</strong>: ${escapeHtml(i.description!)}</li>`)
    .join('')
  return [
    { type: 'html', name: `${name}_notes`, html: `<p>What we mean by:</p><ul>${entries}</ul>` },
  ]
}

/**
 * An audience's survey built from the catalogue (SPEC §2, §3), as ordinary SurveyJS JSON in our
 * naming convention: `overall`, `rebuy`, the `attributes` matrix (row value = catalogue key, so
 * the same key in every audience's survey and gaps line up), optional `importance`, and for
 * employees the mirror wording, the `attitude` matrix and the `department` question.
 */
export function buildFromCatalogue(
  catalogue: readonly CatalogueItem[],
  options: BuildOptions,
): SurveyDefinition {
  const { audience } = options
  // The survey speaks its labels' languages too (a language switch offers them), so its own
  // wording comes in those as well as in the programme's.
  const labelled = catalogue.flatMap((item) => Object.keys(item.labels ?? {}))
  const { en, say, scale, sayIfOurs } = builderWording([...(options.languages ?? []), ...labelled])
  const words = (pick: (w: CatalogueWording['audiences'][Audience]) => string | null) =>
    say((w) => pick(w.audiences[audience]))
  const rated = catalogue.filter((i) => i.kind === 'attribute' && i.audiences.includes(audience))
  const overall = rating(
    'overall',
    words((w) => w.overall),
    say((w) => w.ends.dissatisfied),
    say((w) => w.ends.satisfied),
  )
  const attributes = [
    ...notes('attributes', rated),
    matrix(
      'attributes',
      words((w) => w.attributes),
      words((w) => w.attributesNote),
      scale('satisfaction'),
      rated,
    ),
  ]
  const pages: ElementJson[] = []
  if (audience === 'employee') {
    pages.push({
      name: 'customer_view_page',
      title: words((w) => w.attributesPage),
      description: words((w) => w.attributesPageNote),
      elements: [overall, ...attributes],
    })
  } else {
    const lowScore = {
      type: 'comment',
      name: 'low_score_reason',
      visibleIf: '{overall} <= 2',
      title: say((w) => w.lowScore),
      description: words((w) => w.lowScoreNote),
      maxLength: 2000,
      rows: 3,
      autoGrow: true,
    }
    const rebuy = rating(
      'rebuy',
      words((w) => w.rebuy),
      say((w) => w.ends.unlikely),
      say((w) => w.ends.likely),
    )
    pages.push({
      name: 'overall_page',
      title: say((w) => w.overallPage),
      elements: [overall, lowScore, rebuy],
    })
    pages.push({
      name: 'attributes_page',
      title: words((w) => w.attributesPage),
      elements: attributes,
    })
  }
  if (options.importance && rated.length > 0) {
    const title = words((w) => w.importance)
    const note = say((w) => w.importanceNote)
    pages.push({
      name: 'importance_page',
      title: words((w) => w.importancePage),
      elements: [matrix('importance', title, note, scale('importance'), rated)],
    })
  }
  const final: ElementJson[] = []
  if (audience === 'employee') {
    const attitude = catalogue.filter(
      (i) => i.kind === 'attitude' && i.audiences.includes('employee'),
    )
    if (attitude.length > 0) {
      pages.push({
        name: 'attitude_page',
        title: say((w) => w.employee.attitudePage),
        elements: [
          ...notes('attitude', attitude),
          matrix(
            'attitude',
            say((w) => w.employee.attitude),
            say((w) => w.employee.attitudeNote),
            scale('agreement'),
            attitude,
          ),
        ],
      })
    }
    // A shipped area keeps its value and is worded in every language; one named here stays as typed.
    const area = (value: string): value is keyof CatalogueWording['departments'] =>
      value in en.departments
    final.push({
      type: 'dropdown',
      name: 'department',
      title: say((w) => w.employee.department),
      description: say((w) => w.employee.departmentNote),
      choices: (options.departments ?? defaultDepartments).map(({ value, text }) => ({
        value,
        text: area(value)
          ? sayIfOurs(text, en.departments[value], (w) => w.departments[value])
          : text,
      })),
    })
  }
  final.push({
    type: 'comment',
    name: 'comments',
    title: words((w) => w.comments),
    maxLength: 2000,
    rows: 4,
    autoGrow: true,
  })
  // Customers and intermediaries answer the open question first, then the segments.
  if (audience !== 'employee') final.push(...(options.segments ?? []))
  pages.push({ name: 'final', title: say((w) => w.finalPage), elements: final })
  const ownTitle = en.audiences[audience].title
  return {
    title: sayIfOurs(
      options.title?.trim() || ownTitle,
      ownTitle,
      (w) => w.audiences[audience].title,
    ),
    description: words((w) => w.description),
    audience,
    locale: 'en',
    showProgressBar: true,
    progressBarType: 'questions',
    showQuestionNumbers: 'off',
    questionErrorLocation: 'bottom',
    completeText: say((w) => w.completeText),
    completedHtml: say((w) => w.thankYou),
    pages,
  }
}

/** A label as SurveyJS takes it: plain, or `{ default, de, … }` when it has translations. */
function localisable(item: CatalogueItem): string | Record<string, string> {
  const labels = item.labels ?? {}
  return Object.keys(labels).length > 0 ? { default: item.label, ...labels } : item.label
}
