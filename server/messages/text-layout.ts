/** Greedy word wrap for text bodies; a word longer than the width (a URL) keeps its own line. */
export function wrap(paragraph: string, width = 72): string {
  return paragraph
    .split('\n')
    .map((lineText) => {
      const lines: string[] = []
      let line = ''
      for (const word of lineText.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line)
          line = word
        } else line = line ? `${line} ${word}` : word
      }
      return [...lines, line].join('\n')
    })
    .join('\n')
}

/** Paragraphs of an edited field: separated by blank lines, CR/LF normalised, blanks dropped. */
export const paragraphsOf = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)

/**
 * Filled words on one line: control characters and runs of spaces become one space (no header
 * injection through a subject), but the no-break spaces French typography puts before ":" stay.
 */
export const oneLine = (s: string) =>
  s
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[^\S\u00a0\u202f]+/g, ' ')
    .trim()
