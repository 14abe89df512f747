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
