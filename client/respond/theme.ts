import type { ITheme } from 'survey-core'

/** Our colours on SurveyJS's default theme; system fonts so nothing loads from a font CDN. */
export const surveyTheme: ITheme = {
  themeName: 'csi',
  colorPalette: 'light',
  isPanelless: false,
  cssVariables: {
    '--sjs-general-backcolor-dim': 'rgba(244, 246, 248, 1)',
    '--sjs-primary-backcolor': 'rgba(25, 99, 90, 1)',
    '--sjs-primary-backcolor-dark': 'rgba(19, 79, 72, 1)',
    '--sjs-primary-backcolor-light': 'rgba(25, 99, 90, 0.1)',
    '--sjs-primary-forecolor': 'rgba(255, 255, 255, 1)',
    '--sjs-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    '--sjs-corner-radius': '8px',
    '--sjs-base-unit': '8px',
  },
}
