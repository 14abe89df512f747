import type { ITheme } from 'survey-core'

const DEFAULT_BRAND = '#19635a'

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim())
  const n = parseInt(m ? m[1]! : DEFAULT_BRAND.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}

/**
 * SurveyJS's default theme in the programme's colour (the server writes it on <html> as
 * `--brand`, checked for contrast under white text); system fonts, so nothing loads from a CDN.
 */
export function surveyTheme(brand = DEFAULT_BRAND): ITheme {
  const [r, g, b] = rgb(brand)
  const dark = [r, g, b].map((v) => Math.round(v * 0.8)).join(', ')
  return {
    themeName: 'csi',
    colorPalette: 'light',
    isPanelless: false,
    cssVariables: {
      '--sjs-general-backcolor-dim': 'rgba(244, 246, 248, 1)',
      '--sjs-primary-backcolor': `rgba(${r}, ${g}, ${b}, 1)`,
      '--sjs-primary-backcolor-dark': `rgba(${dark}, 1)`,
      '--sjs-primary-backcolor-light': `rgba(${r}, ${g}, ${b}, 0.1)`,
      '--sjs-primary-forecolor': 'rgba(255, 255, 255, 1)',
      '--sjs-font-family': "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      '--sjs-corner-radius': '8px',
      '--sjs-base-unit': '8px',
    },
  }
}

/** The page's brand colour, as the server painted it. */
export const pageBrand = () =>
  getComputedStyle(document.documentElement).getPropertyValue('--brand').trim() || DEFAULT_BRAND
