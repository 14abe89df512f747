type Json = Record<string, unknown>

export type OutlineQuestion = { name: string; title: string; answer: string; rows: string[] }
export type OutlinePage = { name: string; title: string; questions: OutlineQuestion[] }

const text = (value: unknown, fallback = '') =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && typeof (value as Json).default === 'string'
      ? ((value as Json).default as string)
      : fallback

const items = (list: unknown) =>
  (Array.isArray(list) ? list : []).map((i) =>
    i && typeof i === 'object' ? text((i as Json).text, String((i as Json).value)) : String(i),
  )

function answerOf(q: Json): string {
  const columns = items(q.columns)
  switch (q.type) {
    case 'rating':
      return `1–5: ${text(q.minRateDescription, '1')} … ${text(q.maxRateDescription, '5')}`
    case 'matrix':
      return `Each row ${columns[0] ?? ''} … ${columns[columns.length - 1] ?? ''}`
    case 'comment':
      return 'Free text'
    case 'dropdown':
    case 'radiogroup':
      return `One of: ${items(q.choices).join(', ')}`
    default:
      return String(q.type)
  }
}

/** An html element (the builder's "What we mean by" list) as plain lines of text. */
function notesOf(q: Json): OutlineQuestion {
  const doc = new DOMParser().parseFromString(text(q.html), 'text/html')
  const lines = [...doc.querySelectorAll('li')].map((li) => li.textContent ?? '')
  return {
    name: String(q.name),
    title: lines.length > 0 ? (doc.querySelector('p')?.textContent ?? 'Note') : 'Note',
    answer: 'shown as text',
    rows: lines.length > 0 ? lines : [doc.body.textContent ?? ''],
  }
}

/** A built survey as pages of questions in words, for reading before it is published. */
export function surveyOutline(definition: Json): OutlinePage[] {
  const pages = Array.isArray(definition.pages) ? (definition.pages as Json[]) : []
  return pages.map((page, i) => ({
    name: text(page.name, `page${i + 1}`),
    title: text(page.title, `Page ${i + 1}`),
    questions: (Array.isArray(page.elements) ? (page.elements as Json[]) : []).map((q) =>
      q.type === 'html'
        ? notesOf(q)
        : {
            name: String(q.name),
            title: text(q.title, String(q.name)),
            answer: answerOf(q),
            rows: q.type === 'matrix' ? items(q.rows) : [],
          },
    ),
  }))
}
