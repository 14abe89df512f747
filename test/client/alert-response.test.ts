import { describe, expect, test } from 'vitest'
import { responseView } from '../../client/dashboard/alerts/alert-response'
import { dedupe, fromDraft, toDraft } from '../../client/dashboard/alerts/rule-edit'

const labels = {
  attributes: [
    { key: 'delivery_reliability', label: 'Reliable delivery' },
    { key: 'sales_support', label: 'Support from our sales team' },
  ],
  segments: [{ key: 'region', label: 'Which region?', values: { north: 'North' } }],
  comments: [
    { key: 'low_score_reason', label: 'What went wrong?' },
    { key: 'comments', label: 'Anything else?' },
  ],
}

describe('responseView()', () => {
  const answers = {
    overall: 1,
    rebuy: 4,
    attributes: { delivery_reliability: 2 },
    region: 'north',
    low_score_reason: '  <b>Late</b> again  ',
    comments: '',
  }
  const view = responseView(answers, labels, ['overall:1', 'attribute:delivery_reliability:2'])

  test('ratings with their wording; the scores that raised the alert are flagged', () => {
    expect(view.ratings).toEqual([
      { key: 'overall', label: 'Overall satisfaction', value: 1, flagged: true },
      { key: 'rebuy', label: 'Intention to buy again', value: 4, flagged: false },
    ])
    expect(view.attributes).toEqual([
      { key: 'delivery_reliability', label: 'Reliable delivery', value: 2, flagged: true },
      { key: 'sales_support', label: 'Support from our sales team', value: null, flagged: false },
    ])
  })
  test('segments in the survey’s words; free text as typed (trimmed), empty answers left out', () => {
    expect(view.about).toEqual([{ key: 'region', label: 'Which region?', value: 'North' }])
    expect(view.comments).toEqual([
      { key: 'low_score_reason', label: 'What went wrong?', text: '<b>Late</b> again' },
    ])
  })
  test('without labels: the matrix keys and the usual comment questions, named from their keys', () => {
    const bare = responseView({ attributes: { lead_time: 3 }, comments: 'Fine' }, null, [])
    expect(bare.attributes).toEqual([
      { key: 'lead_time', label: 'Lead time', value: 3, flagged: false },
    ])
    expect(bare.comments).toEqual([{ key: 'comments', label: 'Comments', text: 'Fine' }])
  })
})

describe('rule rows', () => {
  test('a rule goes through the editor and back unchanged', () => {
    for (const rule of [
      { field: 'overall', max: 2 },
      { field: 'attribute', key: 'lead_time', max: 3 },
      { field: 'comment' },
    ] as const)
      expect(fromDraft(toDraft(rule))).toEqual(rule)
  })
  test('the same rule twice is kept once', () => {
    expect(
      dedupe([
        { field: 'rebuy', max: 2 },
        { field: 'rebuy', max: 2 },
        { field: 'rebuy', max: 1 },
      ]),
    ).toEqual([
      { field: 'rebuy', max: 2 },
      { field: 'rebuy', max: 1 },
    ])
  })
})
