import type { ShippedLanguage } from '../message-kinds'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import type { LanguagePack } from './language-pack'

export type { Chrome, LanguagePack } from './language-pack'

export const languagePacks: Record<ShippedLanguage, LanguagePack> = { en, de, fr, es }
