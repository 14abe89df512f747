import { wholeNumber } from './locale-format'
import { shippedPack } from './message-language'
import { fillText } from './placeholders'

/**
 * A reason code (`overall:1`, `attribute:delivery_reliability:2`, `comment`) in the owner
 * alert's language; attributes are named by the survey's own labels when given.
 */
export function reasonWords(
  code: string,
  language: string,
  labels: Readonly<Record<string, string>> = {},
): string {
  const words = shippedPack(language).pack.chrome.reasons
  if (code === 'comment') return words.comment
  const parts = code.split(':')
  const key = parts[0] === 'attribute' ? parts[1]! : parts[0]!
  const value = Number(parts.at(-1))
  const named: Record<string, string> = { overall: words.overall, rebuy: words.rebuy }
  const label =
    labels[key] ?? named[key] ?? key.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase())
  return fillText(words.score, {
    label,
    value: Number.isFinite(value) ? wholeNumber(value, language) : String(parts.at(-1)),
  })
}
