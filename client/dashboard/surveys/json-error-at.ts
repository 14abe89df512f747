/**
 * Where the first JSON syntax error in `text` is (a character offset), or null if none: the
 * browsers' JSON.parse messages do not always say (V8 omits it for an unexpected token).
 */
export function jsonErrorAt(text: string): number | null {
  let i = 0
  const fail = (at = i): never => {
    throw at
  }
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const literal = (word: string) => {
    for (const ch of word) if (text[i++] !== ch) fail(i - 1)
  }
  const string = () => {
    i++
    while (i < text.length && text[i] !== '"') {
      const ch = text[i]!
      if (ch < ' ') fail()
      if (ch === '\\') {
        i++
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) fail(i + k)
          i += 4
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail()
      }
      i++
    }
    if (i >= text.length) fail()
    i++
  }
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i))
    if (!m) fail()
    i += m![0].length
  }
  const value = (depth: number): void => {
    if (depth > 512) fail()
    space()
    const ch = text[i]
    if (ch === '{') {
      i++
      space()
      if (text[i] === '}') return void i++
      for (;;) {
        space()
        if (text[i] !== '"') fail()
        string()
        space()
        if (text[i] !== ':') fail()
        i++
        value(depth + 1)
        space()
        if (text[i] === ',') i++
        else if (text[i] === '}') return void i++
        else fail()
      }
    }
    if (ch === '[') {
      i++
      space()
      if (text[i] === ']') return void i++
      for (;;) {
        value(depth + 1)
        space()
        if (text[i] === ',') i++
        else if (text[i] === ']') return void i++
        else fail()
      }
    }
    if (ch === '"') return string()
    if (ch === 't') return literal('true')
    if (ch === 'f') return literal('false')
    if (ch === 'n') return literal('null')
    return number()
  }
  try {
    value(0)
    space()
    return i < text.length ? i : null
  } catch (at) {
    return Math.min(at as number, text.length)
  }
}
