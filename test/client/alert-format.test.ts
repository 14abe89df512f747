import { describe, expect, test } from 'vitest'
import {
  ageText,
  attributeNames,
  contactText,
  durationText,
  firstActionText,
  reasonText,
  ruleText,
} from '../../client/dashboard/alerts/alert-format'

const names = { delivery_reliability: 'Reliable delivery, on the date we promised' }

describe('reasonText()', () => {
  test('ratings, attributes by their wording, and comments, in words', () => {
    expect(reasonText('overall:1')).toBe('Overall satisfaction: 1 of 5')
    expect(reasonText('rebuy:2')).toBe('Intention to buy again: 2 of 5')
    expect(reasonText('attribute:delivery_reliability:2', names)).toBe(
      'Reliable delivery, on the date we promised: 2 of 5',
    )
    expect(reasonText('comment')).toBe('Left a comment')
  })
  test('an attribute without its wording (yet) is named from its key', () => {
    expect(reasonText('attribute:lead_time:1')).toBe('Lead time: 1 of 5')
  })
})

describe('attributeNames()', () => {
  test('key → label, and nothing for missing labels', () => {
    expect(attributeNames({ attributes: [{ key: 'a', label: 'A thing' }] })).toEqual({
      a: 'A thing',
    })
    expect(attributeNames(null)).toEqual({})
  })
})

describe('contactText()', () => {
  test('name, else email, else a respondent without contact details', () => {
    expect(contactText({ contactName: ' Jo ', contactEmail: 'jo@x.example' })).toBe('Jo')
    expect(contactText({ contactName: null, contactEmail: 'jo@x.example' })).toBe('jo@x.example')
    expect(contactText({ contactName: '', contactEmail: null })).toBe('Unnamed respondent')
  })
})

describe('durationText() and ageText()', () => {
  test('hours and days in words', () => {
    expect(durationText(0.4)).toBe('under an hour')
    expect(durationText(1)).toBe('1 hour')
    expect(durationText(5.9)).toBe('5 hours')
    expect(durationText(24)).toBe('1 day')
    expect(durationText(27)).toBe('1 day 3 hours')
    expect(durationText(24 * 9 + 5)).toBe('9 days')
  })
  test('how long ago', () => {
    const now = Date.parse('2026-11-23T12:00:00Z')
    expect(ageText('2026-11-23T11:59:58Z', now)).toBe('just now')
    expect(ageText('2026-11-23T11:59:00Z', now)).toBe('1 minute ago')
    expect(ageText('2026-11-23T09:00:00Z', now)).toBe('3 hours ago')
    expect(ageText('2026-11-18T11:00:00Z', now)).toBe('5 days ago')
  })
  test('time to first action, only once there is one', () => {
    expect(firstActionText({ createdAt: '2026-11-23T08:00:00Z', firstActionAt: null })).toBeNull()
    expect(
      firstActionText({
        createdAt: '2026-11-23T08:00:00Z',
        firstActionAt: '2026-11-23T11:30:00Z',
      }),
    ).toBe('3 hours')
  })
})

describe('ruleText()', () => {
  test('each kind of rule in words', () => {
    expect(ruleText({ field: 'overall', max: 2 })).toBe('Overall satisfaction at 2 or below')
    expect(ruleText({ field: 'any_attribute', max: 1 })).toBe('Any attribute at 1 or below')
    expect(ruleText({ field: 'attribute', key: 'delivery_reliability', max: 3 }, names)).toBe(
      'Reliable delivery, on the date we promised at 3 or below',
    )
    expect(ruleText({ field: 'comment' })).toBe('Any comment left')
  })
})
