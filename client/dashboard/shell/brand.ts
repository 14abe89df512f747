import { useEffect, useState } from 'react'
import { api } from '../../api'

export type Brand = { organisation: string | null; primary: string; logoUrl: string | null }

const CHANGED = 'csi-brand-changed'
let current: Promise<Brand | null> | null = null

const channels = (hex: string) => {
  const n = parseInt(hex.slice(1), 16)
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255]
}
const hexOf = (rgb: number[]) =>
  '#' + rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')

/**
 * Paints the programme's colour into the dashboard's variables (set through the CSSOM, which the
 * Content-Security-Policy allows, unlike a style attribute): the header, buttons and links.
 */
function paint(brand: Brand) {
  if (!/^#[0-9a-f]{6}$/i.test(brand.primary)) return
  const rgb = channels(brand.primary)
  const root = document.documentElement.style
  root.setProperty('--brand', brand.primary)
  root.setProperty('--brand-dark', hexOf(rgb.map((v) => v * 0.8)))
  root.setProperty('--brand-tint', hexOf(rgb.map((v) => v + (255 - v) * 0.9)))
}

async function fetchBrand(): Promise<Brand | null> {
  try {
    const res = await api.api.brand.$get()
    if (!res.ok) return null
    const brand = (await res.json()) as Brand
    paint(brand)
    return brand
  } catch {
    // Unreachable: the product's own look stays.
    return null
  }
}

/** The programme's name, colour and logo, read once per page load and after each change. */
export function useBrand(): Brand | null {
  const [brand, setBrand] = useState<Brand | null>(null)
  useEffect(() => {
    let live = true
    const load = () => void (current ??= fetchBrand()).then((b) => live && setBrand(b))
    const reload = () => {
      current = null
      load()
    }
    load()
    window.addEventListener(CHANGED, reload)
    return () => {
      live = false
      window.removeEventListener(CHANGED, reload)
    }
  }, [])
  return brand
}

/** Tells every useBrand() to read the brand again (after the settings page saved it). */
export const brandChanged = () => window.dispatchEvent(new Event(CHANGED))
