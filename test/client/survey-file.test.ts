import { describe, expect, test } from 'vitest'
import { lineColumn, parseSurveyFile } from '../../client/dashboard/surveys/survey-file'

describe('lineColumn()', () => {
  test.each([
    [0, 1, 1],
    [3, 1, 4],
    [4, 2, 1],
    [9, 3, 2],
  ])('offset %i is line %i, column %i', (offset, line, column) => {
    expect(lineColumn('abc\ndef\nghi', offset)).toEqual({ line, column })
  })
})

describe('parseSurveyFile()', () => {
  test('a SurveyJS object with pages, with or without a byte-order mark', () => {
    const json = '{"pages":[{"elements":[]}]}'
    expect(parseSurveyFile('s.json', json)).toEqual({
      ok: true,
      definition: { pages: [{ elements: [] }] },
    })
    expect(parseSurveyFile('s.json', `\uFEFF${json}`).ok).toBe(true)
    expect(parseSurveyFile('s.json', '{"elements":[]}').ok).toBe(true)
  })

  test('broken JSON names the file and where reading stopped, as line and column', () => {
    const text = '{\n  "pages": [\n    { "elements": [] },\n  ]\n}'
    const r = parseSurveyFile('creator.json', text)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.message).toBe('creator.json is not valid JSON: at line 4, column 3, unexpected “]”.')
  })

  test.each([
    ['{"a": tru}', 'line 1, column 10, unexpected “}”'],
    ['{"a": 1', 'line 1, column 8, the file ends too early'],
    ["{'a': 1}", "line 1, column 2, unexpected “'”"],
    ['{"a": 1} x', 'line 1, column 10, unexpected “x”'],
    ['{"a": "b\nc"}', 'line 1, column 9, unexpected line break'],
  ])('%s: %s', (text, where) => {
    const r = parseSurveyFile('f.json', text)
    expect(!r.ok && r.message).toBe(`f.json is not valid JSON: at ${where}.`)
  })

  test('an empty file, JSON that is not an object, an object without pages', () => {
    expect(parseSurveyFile('a.json', '  \n')).toEqual({ ok: false, message: 'a.json is empty.' })
    const list = parseSurveyFile('b.json', '[1, 2]')
    expect(!list.ok && list.message).toMatch(/^b\.json is JSON, but not a SurveyJS survey/)
    const none = parseSurveyFile('c.json', '{"title":"x"}')
    expect(!none.ok && none.message).toBe(
      'c.json is JSON, but not a SurveyJS survey: it has no "pages" or "elements".',
    )
  })
})
