// One import per language, so Vite makes one small chunk each and a page loads only its own.
// English is built into survey-core.
const loaders: Record<string, () => Promise<unknown>> = {
  cs: () => import('survey-core/i18n/czech'),
  da: () => import('survey-core/i18n/danish'),
  de: () => import('survey-core/i18n/german'),
  el: () => import('survey-core/i18n/greek'),
  es: () => import('survey-core/i18n/spanish'),
  fi: () => import('survey-core/i18n/finnish'),
  fr: () => import('survey-core/i18n/french'),
  hu: () => import('survey-core/i18n/hungarian'),
  it: () => import('survey-core/i18n/italian'),
  ja: () => import('survey-core/i18n/japanese'),
  nl: () => import('survey-core/i18n/dutch'),
  no: () => import('survey-core/i18n/norwegian'),
  pl: () => import('survey-core/i18n/polish'),
  pt: () => import('survey-core/i18n/portuguese'),
  'pt-br': () => import('survey-core/i18n/portuguese-br'),
  ro: () => import('survey-core/i18n/romanian'),
  ru: () => import('survey-core/i18n/russian'),
  sk: () => import('survey-core/i18n/slovak'),
  sv: () => import('survey-core/i18n/swedish'),
  tr: () => import('survey-core/i18n/turkish'),
  uk: () => import('survey-core/i18n/ukrainian'),
  'zh-cn': () => import('survey-core/i18n/simplified-chinese'),
}

/** Registers survey-core's interface strings for `locale` (a no-op for English or unknown). */
export async function loadTranslation(locale: string | undefined) {
  const code = (locale ?? 'en').toLowerCase()
  const load = loaders[code] ?? loaders[code.split('-')[0]!]
  if (load) await load()
}
