import { describe, expect, test } from 'vitest'
import { printableQuestionnaire } from '../../../server/respond/printable-questionnaire'
import { shippedSurveys } from '../../../server/surveys'
import { buildFromCatalogue } from '../../../server/surveys/build-from-catalogue'
import customer from '../../../surveys/customer.json'

const options = { surveyId: 'customer', version: 1 }
const customerHtml = printableQuestionnaire(customer, options)

const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' }

/** What a reader sees: tags dropped, entities decoded, whitespace collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<head>[\s\S]*?<\/head>/, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => entities[name]!)
    .replace(/\s+/g, ' ')
    .trim()
}

/** The markup of question `number`, from its <section> to its end. */
function question(html: string, number: number): string {
  const start = html.lastIndexOf('<section', html.indexOf(`data-number="${number}"`))
  expect(start, `question ${number}`).toBeGreaterThan(0)
  return html.slice(start, html.indexOf('</section>', start))
}

const boxes = (html: string) => html.match(/class="box"/g)?.length ?? 0
const sections = (html: string) => html.match(/<section /g)?.length ?? 0

function survey(...elements: Record<string, unknown>[]) {
  return { title: 'Ad hoc', pages: [{ name: 'p', elements }] }
}

function expectInOrder(text: string, parts: string[]) {
  let from = 0
  for (const part of parts) {
    const at = text.indexOf(part, from)
    expect(at, `"${part}" after position ${from}`).toBeGreaterThanOrEqual(0)
    from = at + part.length
  }
}

describe('printableQuestionnaire(): the shipped customer survey', () => {
  const text = visibleText(customerHtml)

  test('numbers every question 1–8 in page order with its title, and letters the matrix rows', () => {
    const pages = customer.pages.map((page) => page.elements as Array<Record<string, unknown>>)
    const parts: string[] = []
    let number = 0
    for (const element of pages.flat()) {
      parts.push(`${++number} ${element.title as string}`)
      if (element.type !== 'matrix') continue
      ;(element.rows as Array<{ text: string }>).forEach((row, i) => {
        parts.push(`${String.fromCharCode(97 + i)} ${row.text}`)
      })
    }
    expect(number).toBe(8)
    expect(parts).toContain('1 Overall, how satisfied are you with us as a supplier?')
    expect(parts).toContain('h Support from the sales team')
    expectInOrder(text, parts)
    expect(sections(customerHtml)).toBe(8)
  })

  test('the overall rating has exactly five boxes labelled 1–5, with the end descriptions', () => {
    const overall = question(customerHtml, 1)
    expect(boxes(overall)).toBe(5)
    expect(visibleText(overall)).toContain('1 2 3 4 5 Extremely dissatisfied Extremely satisfied')
  })

  test('the attributes matrix has one row per attribute with five boxes each, under a repeating thead', () => {
    const matrix = question(customerHtml, 4)
    expect(matrix).toContain('<thead>')
    const head = matrix.slice(matrix.indexOf('<thead>'), matrix.indexOf('</thead>'))
    expect(visibleText(head)).toContain('1 – Very dissatisfied 2 – Dissatisfied')
    const body = matrix.slice(matrix.indexOf('<tbody>'), matrix.indexOf('</tbody>'))
    const rows = body.split('<tr>').slice(1)
    expect(rows).toHaveLength(8)
    for (const row of rows) expect(boxes(row)).toBe(5)
    expect(visibleText(rows[1]!)).toMatch(
      /^b Reliable delivery, on the date we promised 1 2 3 4 5$/,
    )
  })

  test('the low-score follow-up says which answers to question 1 lead to it', () => {
    expect(visibleText(question(customerHtml, 2))).toContain(
      'Answer only if you ticked 1 or 2 for question 1.',
    )
    expect(visibleText(question(customerHtml, 3))).not.toContain('Answer only if')
  })

  test('comment areas get ruled lines from `rows`, choices a box each', () => {
    expect(question(customerHtml, 2).match(/<span><\/span>/g)).toHaveLength(3)
    expect(question(customerHtml, 6).match(/<span><\/span>/g)).toHaveLength(4)
    expect(boxes(question(customerHtml, 7))).toBe(6)
    expect(visibleText(question(customerHtml, 7))).toContain('Tick one North South')
  })

  test('has the instruction from the scale, a reference line and the keying footer', () => {
    expect(text).toContain(
      'Tick one box per question, like this . 1 = extremely dissatisfied, 5 = extremely satisfied. Leave blank if it does not apply.',
    )
    expect(text).toContain('Reference:')
    expect(text).toContain('Survey customer · version 1')
    expect(text).toMatch(/^Print Reference: customer v1 Customer satisfaction survey Thank you/)
  })

  test('prints on A4 and loads nothing from outside; the only script is the Print button', () => {
    expect(customerHtml).toMatch(/^<!doctype html>/)
    expect(customerHtml).toMatch(/@page \{ size: A4; margin: 15mm;/)
    expect(customerHtml).toMatch(/@media print \{[^@]*\.toolbar, footer \{ display: none; \}/)
    expect(withoutPrintScript(customerHtml)).not.toMatch(
      /<script|<link|<iframe|<img|@import|url\(|https?:|src=|href=/i,
    )
    // No inline handlers: the Print button is wired by the page's one (nonced) script.
    expect(customerHtml.match(/<script/g)).toHaveLength(1)
    expect(customerHtml.match(/\bon\w+=/g)).toBeNull()
    expect(customerHtml).toContain('<button type="button" id="print">Print</button>')
  })
})

describe('printableQuestionnaire(): every shipped survey', () => {
  test.each(shippedSurveys.map((s) => [s.id, s] as const))('%s renders cleanly', (id, s) => {
    const html = printableQuestionnaire(s.definition, { surveyId: id, version: s.version })
    expect(html).not.toMatch(/undefined|\[object Object\]|NaN/)
    expect(sections(html)).toBeGreaterThanOrEqual(4)
    expect(visibleText(html)).toContain(`Survey ${id} · version ${s.version}`)
  })
})

describe('printableQuestionnaire(): definitions', () => {
  const hostile = '<img src=x onerror=alert(1)>'

  test('escapes every definition text and option, never rendering it as HTML', () => {
    const html = printableQuestionnaire(
      {
        title: `${hostile} & "quotes"`,
        description: '</style><script>alert(1)</script>',
        pages: [
          {
            name: 'p',
            title: hostile,
            elements: [
              { type: 'rating', name: 'r"x', title: hostile, description: hostile },
              { type: 'checkbox', name: 'c', title: 'C', choices: [{ value: 'a', text: hostile }] },
              { type: 'matrix', name: 'm', title: 'M', columns: [hostile], rows: [hostile] },
            ],
          },
        ],
      },
      { surveyId: 'x"></footer><script>', version: 2, organisation: hostile },
    )
    expect(withoutPrintScript(html)).not.toMatch(/<img|<script|<\/style><|r"x/)
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;')
    // organisation (twice), h1, page heading, rating title and description, choice, column, row
    expect(visibleText(html).split(hostile).length - 1).toBe(9)
    expect(html.match(/<\/style>/g)).toHaveLength(1)
  })

  test('the letterhead: the programme logo beside its name; only a stored logo path is printed', () => {
    const definition = survey({ type: 'rating', name: 'score', title: 'Score' })
    const logoUrl = '/brand/logo-0123456789abcdef.svg'
    const html = printableQuestionnaire(definition, { ...options, organisation: 'Acme', logoUrl })
    expect(html).toContain(
      `<span class="letterhead"><img src="${logoUrl}" alt=""><span>Acme</span></span>`,
    )
    const alone = printableQuestionnaire(definition, { ...options, logoUrl })
    expect(alone).toContain(`<img src="${logoUrl}" alt="Logo">`)
    const foreign = printableQuestionnaire(definition, {
      ...options,
      logoUrl: 'https://tracker.example/pixel.png',
    })
    expect(foreign).not.toContain('tracker.example')
    expect(foreign).not.toContain('class="letterhead"')
  })

  test('skips expression, dynamic and unknown types without throwing, and hidden questions', () => {
    const definition = survey(
      { type: 'html', name: 'intro', html: '<b>Welcome</b>', visible: false },
      { type: 'expression', name: 'calc', expression: '1 + 1' },
      { type: 'paneldynamic', name: 'pd', templateElements: [{ type: 'text', name: 't' }] },
      { type: 'file', name: 'upload' },
      { type: 'signaturepad', name: 'sign' },
      { type: 'rating', name: 'hidden', visible: false },
      { type: 'no-such-type', name: 'odd' },
      { type: 'rating', name: 'score', title: 'Score' },
      { type: 'text', name: 'name_only' },
      { notAQuestion: true },
    )
    const html = printableQuestionnaire(definition, options)
    expect(sections(html)).toBe(2)
    expect(visibleText(html)).toContain('1 Score 1 2 3 4 5 2 name_only')
    expect(html).not.toContain('Welcome')
    expect(question(html, 2).match(/<span><\/span>/g)).toHaveLength(1)
    expect(() => printableQuestionnaire({}, options)).not.toThrow()
    expect(() => printableQuestionnaire({ pages: 'x', title: 3 }, options)).not.toThrow()
  })

  test('prints an html element as its text, unnumbered, in its place', () => {
    const definition = survey(
      { type: 'rating', name: 'overall', title: 'Overall' },
      {
        type: 'html',
        name: 'attributes_notes',
        html: '<p>What we mean by:</p><ul><li><strong>Speed</strong>: days from order to door</li><li><strong>Tone</strong>: how we speak&nbsp;to you &amp; yours</li></ul>',
      },
      { type: 'matrix', name: 'attributes', title: 'Rate us', rows: ['speed'], columns: [1, 2] },
    )
    const html = printableQuestionnaire(definition, options)
    expect(sections(html)).toBe(2)
    expectInOrder(visibleText(html), [
      '1 Overall',
      'What we mean by:',
      'Speed: days from order to door',
      'Tone: how we speak to you & yours',
      '2 Rate us',
    ])
    expect(html).toContain(
      '<div class="note" data-name="attributes_notes"><p>What we mean by:</p><ul><li>Speed: days',
    )
    expect(html).not.toContain('<strong>')
  })

  test('a survey built from the catalogue prints its “What we mean by:” descriptions', () => {
    const item = (key: string, label: string, description: string | null) => ({
      key,
      kind: 'attribute' as const,
      label,
      description,
      audiences: ['customer' as const],
    })
    const definition = buildFromCatalogue(
      [item('speed', 'Speed <fast>', 'Days from order & door'), item('tone', 'Tone', null)],
      { audience: 'customer' },
    )
    const text = visibleText(printableQuestionnaire(definition, options))
    expectInOrder(text, [
      'What we mean by:',
      'Speed <fast>: Days from order & door',
      'a Speed <fast>',
    ])
    expect(text).not.toContain('Tone:')
  })

  test('an html element never passes markup through: tags go, scripts go with their text', () => {
    const hostile =
      '<img src=x onerror=alert(1)>Hello <script>alert("x")</script><style>p{}</style>' +
      '<a href="javascript:alert(1)" onclick="x()">there</a> &lt;b&gt;not bold&lt;/b&gt; &#60;i&#x3e;'
    const html = printableQuestionnaire(
      survey({ type: 'html', name: 'note', html: { default: hostile, fr: 'x' } }),
      options,
    )
    const note = html.slice(
      html.indexOf('<div class="note"'),
      html.indexOf('</div>', html.indexOf('<div class="note"')),
    )
    expect(note).toBe(
      '<div class="note" data-name="note"><p>Hello there &lt;b&gt;not bold&lt;/b&gt; &lt;i&gt;</p>',
    )
    expect(withoutPrintScript(html)).not.toMatch(/<img|<script|<a |javascript:|alert/)
    expect(html.match(/onclick/g)).toBeNull()
    expect(
      printableQuestionnaire(survey({ type: 'html', name: 'e', html: '<br><p> </p>' }), options),
    ).not.toContain('class="note"')
  })

  test('an html element with visibleIf says when to read it', () => {
    const html = printableQuestionnaire(
      survey(
        { type: 'rating', name: 'overall', title: 'Overall' },
        { type: 'html', name: 'sorry', html: 'We are sorry.', visibleIf: '{overall} <= 2' },
      ),
      options,
    )
    expect(visibleText(html)).toContain(
      'Read this only if you ticked 1 or 2 for question 1. We are sorry.',
    )
  })

  test('reads localisable texts ({ default, … }) everywhere', () => {
    const html = printableQuestionnaire(
      {
        title: { default: 'Survey title', de: 'Umfrage' },
        elements: [
          {
            type: 'radiogroup',
            name: 'q',
            title: { default: 'Pick one', de: 'Wähle' },
            choices: [{ value: 1, text: { default: 'First', de: 'Erste' } }],
          },
          {
            type: 'rating',
            name: 'r',
            title: { de: 'Nur Deutsch' },
            minRateDescription: { default: 'Poor' },
            maxRateDescription: { default: 'Great' },
          },
        ],
      },
      options,
    )
    const text = visibleText(html)
    expect(text).toContain('Survey title')
    expect(text).toContain('1 Pick one Tick one First')
    expect(text).toContain('2 Nur Deutsch 1 2 3 4 5 Poor Great')
    expect(text).toContain('1 = poor, 5 = great.')
    expect(text).not.toMatch(/object|Umfrage|Erste/)
  })

  test('renders panels in order under their titles, numbering straight through', () => {
    const html = printableQuestionnaire(
      survey(
        { type: 'text', name: 'a', title: 'A' },
        {
          type: 'panel',
          name: 'outer',
          title: 'Outer panel',
          elements: [
            { type: 'boolean', name: 'b', title: 'B' },
            {
              type: 'panel',
              name: 'inner',
              title: 'Inner',
              elements: [{ type: 'text', name: 'c', title: 'C' }],
            },
          ],
        },
        { type: 'text', name: 'd', title: 'D' },
      ),
      options,
    )
    expectInOrder(visibleText(html), [
      '1 A',
      'Outer panel',
      '2 B Tick one Yes No',
      'Inner',
      '3 C',
      '4 D',
    ])
    expect(boxes(question(html, 2))).toBe(2)
  })

  test('lists choices with "tick one" or "tick all that apply", other and none included', () => {
    const html = printableQuestionnaire(
      survey(
        {
          type: 'checkbox',
          name: 'c',
          title: 'C',
          choices: ['x', 'y'],
          showOtherItem: true,
          showNoneItem: true,
        },
        { type: 'dropdown', name: 'd', title: 'D', choicesMin: 1, choicesMax: 3 },
        { type: 'boolean', name: 'b', title: 'B', labelTrue: 'Agree', labelFalse: 'Disagree' },
      ),
      options,
    )
    expect(visibleText(question(html, 1))).toBe(
      '1 C Tick all that apply x y Other (please specify) None',
    )
    expect(boxes(question(html, 1))).toBe(4)
    expect(question(html, 1)).toContain('class="write-in"')
    expect(visibleText(question(html, 2))).toBe('2 D Tick one 1 2 3')
    expect(visibleText(question(html, 3))).toBe('3 B Tick one Agree Disagree')
  })

  test('gives rateValues their own boxes and labels', () => {
    const html = printableQuestionnaire(
      survey({
        type: 'rating',
        name: 'r',
        title: 'R',
        rateValues: [{ value: 1, text: 'Poor' }, 2, { value: 3, text: 'Good' }],
      }),
      options,
    )
    expect(boxes(question(html, 1))).toBe(3)
    expect(visibleText(question(html, 1))).toBe('1 R Poor 2 Good')
  })

  const conditions: Array<[string, string]> = [
    ['{score} <= 2', 'Answer only if you ticked 1 or 2 for question 1.'],
    ['{score} < 3', 'Answer only if you ticked 1 or 2 for question 1.'],
    ['{score} >= 4', 'Answer only if you ticked 4 or 5 for question 1.'],
    ['{score} > 2', 'Answer only if you ticked 3, 4 or 5 for question 1.'],
    ['{score} = 3', 'Answer only if you ticked 3 for question 1.'],
    ['{ score }==5', 'Answer only if you ticked 5 for question 1.'],
    ["{region} = 'north'", 'Answer only if you ticked “North” for question 2.'],
    ['{agree} = true', 'Answer only if you ticked “Yes” for question 3.'],
    ['{grid.speed} <= 2', 'Answer only if you ticked 1 or 2 for “Speed” in question 4.'],
    ['{score} notempty', 'Answer only if you answered question 1.'],
    ['{score} <= 2 and {region} = "north"', 'Answer only if it applies to you.'],
    ['{unknown} <= 2', 'Answer only if it applies to you.'],
    ['{score} >= 1', 'Answer only if it applies to you.'],
    ['{score} > 9', 'Answer only if it applies to you.'],
  ]
  test.each(conditions)('visibleIf %s → %s', (visibleIf, instruction) => {
    const html = printableQuestionnaire(
      survey(
        { type: 'rating', name: 'score', title: 'Score' },
        {
          type: 'dropdown',
          name: 'region',
          title: 'Region',
          choices: ['north|North', 'south|South'],
        },
        { type: 'boolean', name: 'agree', title: 'Agree?' },
        { type: 'matrix', name: 'grid', title: 'Grid', columns: [1, 2, 3], rows: ['speed|Speed'] },
        { type: 'comment', name: 'why', title: 'Why?', visibleIf },
      ),
      options,
    )
    expect(visibleText(question(html, 5))).toContain(instruction)
  })
})

/** The page without its own Print-button script, to look for any other. */
const withoutPrintScript = (html: string) =>
  html.replace(
    "<script>document.getElementById('print').addEventListener('click', () => window.print())</script>",
    '',
  )
