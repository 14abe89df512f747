// Column names match ignoring letter case: `Overall` is `overall`, as people type headers.
const fold = (name: string) => name.toLowerCase()

/** What a name found among known names: one of them, or several that differ only in case. */
export type NameMatch<T> = { found: T } | { ambiguous: readonly string[] } | null

/** Looks names up among `known`: the exact name first, else the one equal ignoring case. */
export function nameLookup<T>(known: Iterable<readonly [string, T]>) {
  const exact = new Map<string, T>()
  const folded = new Map<string, string[]>()
  for (const [name, value] of known) {
    if (exact.has(name)) continue
    exact.set(name, value)
    folded.set(fold(name), [...(folded.get(fold(name)) ?? []), name])
  }
  return (name: string): NameMatch<T> => {
    if (exact.has(name)) return { found: exact.get(name)! }
    const near = folded.get(fold(name)) ?? []
    if (near.length === 1) return { found: exact.get(near[0]!)! }
    return near.length > 1 ? { ambiguous: near } : null
  }
}

/** A name used by more than one column (ignoring case), which refuses the file. */
export interface HeaderClash {
  /** As first written. */
  readonly name: string
  /** E.g. `appears twice in the header`. */
  readonly problem: string
}

export interface ResponsesHeader {
  /** Column names as written, BOM dropped and trimmed; `''` for an unnamed column. */
  readonly names: readonly string[]
  readonly clashes: readonly HeaderClash[]
  /** Columns whose name an earlier column has (ignoring case): part of a clash, never read. */
  readonly repeats: ReadonlySet<number>
  /** The column called `name`, ignoring letter case; null when there is none. */
  index(name: string): number | null
}

/**
 * The one reading of a responses CSV header: the BOM dropped, names trimmed and matched ignoring
 * letter case. Two columns whose names differ only in case (or not at all) are a clash: the
 * reader cannot tell which one is meant.
 */
export function responsesHeader(cells: readonly string[]): ResponsesHeader {
  const names = cells.map((c, i) => (i === 0 ? c.replace(/^\uFEFF/, '') : c).trim())
  const spellings = new Map<string, string[]>()
  const repeats = new Set<number>()
  names.forEach((name, i) => {
    if (name === '') return
    const seen = spellings.get(fold(name))
    if (seen) repeats.add(i)
    spellings.set(fold(name), [...(seen ?? []), name])
  })
  const clashes = [...spellings.values()]
    .filter((s) => s.length > 1)
    .map((s) => ({ name: s[0]!, problem: clashProblem(s) }))
  const lookup = nameLookup(names.flatMap((n, i) => (n === '' ? [] : [[n, i] as const])))
  return {
    names,
    clashes,
    repeats,
    index(name) {
      const match = lookup(name)
      return match && 'found' in match ? match.found : null
    },
  }
}

function clashProblem(spellings: readonly string[]) {
  const times = spellings.length === 2 ? 'twice' : `${spellings.length} times`
  if (spellings.every((s) => s === spellings[0])) return `appears ${times} in the header`
  const list = spellings.map((s) => `"${s}"`).join(', ')
  return `appears ${times} in the header (${list}: names ignore letter case)`
}
