import type { Audience } from './types'

/** An attribute is rated by its audiences and compared; an attitude item is HR's only. */
export const itemKinds = ['attribute', 'attitude'] as const
export type ItemKind = (typeof itemKinds)[number]

/** One entry of the programme's attribute catalogue (SPEC §2). Its key is the contract. */
export type CatalogueItem = {
  key: string
  kind: ItemKind
  label: string
  /** The label in other languages, by BCP 47 tag; the survey's rows become localisable strings. */
  labels?: Record<string, string>
  description: string | null
  audiences: Audience[]
}

/** Catalogue keys are matrix row values in every survey: lower_snake_case, as the lint wants. */
export const catalogueKey = /^[a-z][a-z0-9_]*$/
