import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { Store } from '../../server/db/client'
import { surveys, surveyVersions } from '../../server/db/schema'

/** The all-or-nothing seam, on each runtime's real database. */
export function atomicSuite(store: () => Store) {
  describe('atomic()', () => {
    test('applies every statement', async () => {
      const { db, atomic } = store()
      const id = `s-${crypto.randomUUID()}`
      await atomic([
        db.insert(surveys).values({ id, audience: 'customer', title: 'T', currentVersion: 1 }),
        db
          .insert(surveyVersions)
          .values({ surveyId: id, version: 1, definition: {}, checksum: 'c' }),
      ])
      expect(
        await db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, id)),
      ).toHaveLength(1)
    })

    test('a failing statement rolls back the ones before it', async () => {
      const { db, atomic } = store()
      const id = `s-${crypto.randomUUID()}`
      await expect(
        atomic([
          db.insert(surveys).values({ id, audience: 'customer', title: 'T', currentVersion: 1 }),
          db
            .insert(surveyVersions)
            .values({ surveyId: id, version: 1, definition: {}, checksum: 'c' }),
          // Same primary key again: the third statement fails.
          db
            .insert(surveyVersions)
            .values({ surveyId: id, version: 1, definition: {}, checksum: 'c' }),
        ]),
      ).rejects.toThrow()
      expect(await db.select().from(surveys).where(eq(surveys.id, id))).toEqual([])
      expect(await db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, id))).toEqual(
        [],
      )
    })
  })
}
