import type { Db } from '../db/client'
import { programmeBrand } from '../db/brand-settings'
import type { Brand } from './brand'

/**
 * The programme's brand as an email can carry it: the logo at an absolute address, and only a
 * PNG or JPEG one (Gmail and Outlook show no SVG images; the organisation's name stands in).
 */
export async function emailBrand(db: Db, publicUrl: string): Promise<Brand> {
  const brand = await programmeBrand(db)
  const raster = brand.logoUrl && !/\.svg$/i.test(brand.logoUrl)
  return { ...brand, logoUrl: raster ? new URL(brand.logoUrl!, publicUrl).toString() : null }
}
