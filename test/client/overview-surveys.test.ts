import { describe, expect, test } from 'vitest'
import { surveyChoices } from '../../client/dashboard/overview/surveys'

describe('surveyChoices() — the wave dialog’s survey list', () => {
  test('the programme’s own surveys, by audience then title, each with the version a wave pins', () => {
    const choices = surveyChoices([
      { id: 'staff', title: 'Staff mirror', audience: 'employee', currentVersion: 3 },
      { id: 'shops', title: 'Shops', audience: 'retailer', currentVersion: 1 },
      { id: 'zcx', title: 'Kundenzufriedenheit', audience: 'customer', currentVersion: 2 },
      { id: 'acx', title: 'After delivery', audience: 'customer', currentVersion: 7 },
    ])
    expect(choices).toEqual([
      { id: 'acx', label: 'After delivery · Customers · version 7' },
      { id: 'zcx', label: 'Kundenzufriedenheit · Customers · version 2' },
      { id: 'shops', label: 'Shops · Retailers · version 1' },
      { id: 'staff', label: 'Staff mirror · Employees · version 3' },
    ])
  })

  test('no surveys, no choices', () => expect(surveyChoices([])).toEqual([]))
})
