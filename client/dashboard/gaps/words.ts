/** Counts, lists and labels in words, as the gaps and trend pages write them (pure, tested). */

const small = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']

/** 0–10 in words ("two"), larger numbers as digits; `capital` for the start of a sentence. */
export function numberWord(n: number, capital = false): string {
  const w = Number.isInteger(n) && n >= 0 && n < small.length ? small[n]! : String(n)
  return capital ? w.charAt(0).toUpperCase() + w.slice(1) : w
}

/** "1 gap", "2 gaps": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many
}

/** "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** Splits a label into lines of at most `width` characters for a chart axis. */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines
}

/** A server reason ("anonymity: fewer than 5 answers") as a sentence: "Anonymity: fewer than…". */
export function sentence(reason: string | null | undefined): string {
  if (!reason) return ''
  return reason.charAt(0).toUpperCase() + reason.slice(1)
}
