import { clean, safeUrl } from '../lib/html'

/** The programme's look, as the brand settings give it (server/db/brand-settings.ts). */
export type Brand = { organisation: string | null; primary: string; logoUrl: string | null }

/** The dashboard's and the survey's green, so an unbranded email matches them. */
export const DEFAULT_PRIMARY = '#19635a'

/** The brand with what MAIL_FROM names as the organisation when the brand names none. */
export const defaultBrand = (organisation: string): Brand => ({
  organisation,
  primary: DEFAULT_PRIMARY,
  logoUrl: null,
})

/** What the renderers may put into markup: a checked colour and an http(s) logo address. */
export function safeBrand(brand: Brand, fallbackOrganisation: string) {
  return {
    organisation: clean(brand.organisation) || clean(fallbackOrganisation) || 'CSI Toolkit',
    primary: /^#[0-9a-f]{6}$/i.test(brand.primary) ? brand.primary : DEFAULT_PRIMARY,
    logoUrl: brand.logoUrl ? safeUrl('logoUrl', brand.logoUrl) : null,
  }
}
export type SafeBrand = ReturnType<typeof safeBrand>
