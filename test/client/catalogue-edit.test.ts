import { describe, expect, test } from 'vitest'
import {
  blankDraft,
  buildable,
  keyFromLabel,
  move,
  rowErrors,
  toDrafts,
  toItems,
} from '../../client/dashboard/catalogue/catalogue-edit'

const items = [
  {
    key: 'speed',
    kind: 'attribute' as const,
    label: 'Speed',
    // Translations come from the CSV; saving the table must keep them.
    labels: { de: 'Schnelligkeit', fr: 'Rapidité' },
    description: null,
    audiences: ['customer' as const],
  },
  {
    key: 'pride',
    kind: 'attitude' as const,
    label: 'Pride',
    description: 'Of the firm',
    audiences: ['employee' as const],
  },
]

describe('catalogue-edit', () => {
  test('drafts round-trip to the items the API takes; attitude items stay employee-only', () => {
    const drafts = toDrafts(items)
    expect(toItems(drafts)).toEqual(items)
    const changed = { ...drafts[1]!, audiences: ['customer', 'employee'] as const }
    expect(toItems([{ ...changed, audiences: [...changed.audiences] }])[0]!.audiences).toEqual([
      'employee',
    ])
    const blank = { ...blankDraft(), key: ' x ', description: '  ' }
    expect(toItems([blank])[0]).toMatchObject({ key: 'x', description: null })
  })

  test('keyFromLabel() makes a lower_snake_case key that starts with a letter', () => {
    expect(keyFromLabel('Speed of delivery')).toBe('speed_of_delivery')
    expect(keyFromLabel('24h Support – Ärger!')).toBe('h_support_arger')
    expect(keyFromLabel('  ')).toBe('')
  })

  test('move() reorders and ignores moves past either end', () => {
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b'])
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c'])
    expect(move(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c'])
  })

  test('rowErrors() puts each issue under its row and field, the first per field; the rest apart', () => {
    const drafts = toDrafts(items)
    const { byRow, rest } = rowErrors(drafts, [
      { path: 'items.1.label', message: 'needs a label' },
      { path: 'items.1.label', message: 'second' },
      { path: 'items.0.audiences', message: 'tick at least one audience' },
      { path: 'items', message: 'needs at least one attribute to rate' },
      { path: 'items.7.key', message: 'no such row' },
    ])
    expect(byRow).toEqual({
      [drafts[1]!.id]: { label: 'needs a label' },
      [drafts[0]!.id]: { audiences: 'tick at least one audience' },
    })
    expect(rest).toEqual(['The catalogue needs at least one attribute to rate.', 'no such row'])
  })

  test('buildable() mirrors canManage: HR the employee survey only, managers the others', () => {
    expect(buildable('admin')).toEqual(['customer', 'wholesaler', 'retailer', 'employee'])
    expect(buildable('manager')).toEqual(['customer', 'wholesaler', 'retailer'])
    expect(buildable('hr')).toEqual(['employee'])
  })
})
