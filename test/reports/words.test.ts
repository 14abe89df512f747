import { describe, expect, test } from 'vitest'
import { bandName, priorityName, priorityOf, quadrantName, verdictName } from '../../reports/index'
import type { Band, Quadrant } from '../../reports/types'

const bands: Band[] = ['strength', 'adequate', 'concern']
const quadrants: Quadrant[] = ['concentrate-here', 'keep-up', 'low-priority', 'possible-overkill']

describe('one vocabulary: a priority never contradicts its band (issue 19 item 3)', () => {
  test('every quadrant × band, by hand', () => {
    const table = Object.fromEntries(quadrants.map((q) => [q, bands.map((b) => priorityOf(q, b))]))
    expect(table).toEqual({
      'concentrate-here': ['fix-first', 'fix-first', 'fix-first'],
      'keep-up': ['keep', 'improve', 'fix-first'],
      'low-priority': ['secondary-weakness', 'secondary-weakness', 'secondary-weakness'],
      'possible-overkill': ['secondary-strength', 'maintain', 'secondary-weakness'],
    })
  })

  test('weak and important reads "Priority: fix first"; strong and important "Strength to keep"', () => {
    expect(priorityName[priorityOf('concentrate-here', 'concern')!]).toBe('Priority: fix first')
    expect(priorityName[priorityOf('keep-up', 'strength')!]).toBe('Strength to keep')
    // a concern is never called a strength, nor "keep up", nor "low priority" / "overkill"
    for (const q of quadrants) {
      const words = priorityName[priorityOf(q, 'concern')!].toLowerCase()
      expect(words).not.toMatch(/strength|keep|overkill|low priority|good enough/)
    }
  })

  test('quadrant names are relative only, band names absolute, verdicts plain words', () => {
    for (const q of quadrants) expect(quadrantName[q]).toMatch(/rated (lower|higher)$/)
    expect(Object.values(bandName)).toEqual(['Strength', 'Adequate', 'Concern'])
    expect(verdictName.dangerous).toBe('Dangerous gap')
    expect(priorityOf(null, 'concern')).toBeNull()
  })
})
