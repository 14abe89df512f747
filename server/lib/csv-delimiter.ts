/**
 * The delimiter of a CSV from its first line: `;` when the header has more semicolons than
 * commas outside quotes, else `,` (SPEC §5.3 allows only these two).
 */
export function sniffDelimiter(head: string): ',' | ';' {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const ch of head) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch === ',') commas++
    else if (!quoted && ch === ';') semicolons++
  }
  return semicolons > commas ? ';' : ','
}
