import Database from 'better-sqlite3'
import fc from 'fast-check'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { BLOCK_WIDTH, type AggregateAdd } from '../../../server/db/aggregate-adds'
import type { Statement } from '../../../server/db/atomic'
import { groupCommitAtomic } from '../../../server/node/group-commit'

// A table of keys, a log of every statement SQLite ran, and statements the way atomic gets them.
function keysDb(path = ':memory:') {
  const log: string[] = []
  const sqlite = new Database(path, { verbose: (s) => log.push(String(s)) })
  sqlite.pragma('journal_mode = WAL')
  sqlite.exec('CREATE TABLE keys (k TEXT PRIMARY KEY)')
  const insert = sqlite.prepare('INSERT INTO keys (k) VALUES (?)')
  const put = (k: string) => ({ run: () => insert.run(k) }) as unknown as Statement
  const keys = () => sqlite.prepare('SELECT k FROM keys ORDER BY k').pluck().all()
  const transactions = () => log.filter((s) => s === 'BEGIN IMMEDIATE').length
  return { sqlite, log, put, keys, transactions }
}

const noAdds = () => {}

describe('groupCommitAtomic()', () => {
  test('calls made together share one transaction; a failing call is refused alone', async () => {
    const { sqlite, put, keys, transactions } = keysDb()
    const atomic = groupCommitAtomic(sqlite, { applyAdds: noAdds })
    const results = await Promise.allSettled([
      atomic([put('a')]),
      // b lands, then the repeated a fails: b must go with it, and nothing else.
      atomic([put('b'), put('a')]),
      atomic([put('c'), put('d')]),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('UNIQUE')
    expect(keys()).toEqual(['a', 'c', 'd'])
    expect(transactions()).toBe(1)
  })

  test('a batch closes at maxBatch calls', async () => {
    const { sqlite, put, keys, transactions } = keysDb()
    const atomic = groupCommitAtomic(sqlite, { applyAdds: noAdds, maxBatch: 4 })
    await Promise.all(Array.from({ length: 10 }, (_, i) => atomic([put(`k${i}`)])))
    expect(keys()).toHaveLength(10)
    expect(transactions()).toBe(3)
  })

  test('no call settles before the COMMIT that holds it; its write is visible to others then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csi-group-commit-'))
    const { sqlite, log, put } = keysDb(join(dir, 'keys.db'))
    const reader = new Database(join(dir, 'keys.db'), { readonly: true })
    const seen = reader.prepare('SELECT count(*) FROM keys WHERE k = ?').pluck()
    const atomic = groupCommitAtomic(sqlite, { applyAdds: noAdds })
    const visibleAtSettle: unknown[] = []
    await Promise.allSettled(
      ['x', 'y', 'x', 'z'].map((k, i) =>
        atomic([put(k)]).then(
          () => {
            log.push(`settled ${i}`)
            visibleAtSettle.push(seen.get(k))
          },
          () => log.push(`settled ${i}`),
        ),
      ),
    )
    const commit = log.indexOf('COMMIT')
    expect(commit).toBeGreaterThan(-1)
    for (let i = 0; i < 4; i++) expect(log.indexOf(`settled ${i}`)).toBeGreaterThan(commit)
    expect(visibleAtSettle).toEqual([1, 1, 1])
    reader.close()
    sqlite.close()
  })

  test('an error that ends the transaction fails its call; the others are written again', async () => {
    const { sqlite, put, keys } = keysDb()
    const atomic = groupCommitAtomic(sqlite, { applyAdds: noAdds })
    // A statement that ends the transaction under the batch, as an I/O error would.
    const failing = {
      run: () => {
        sqlite.exec('ROLLBACK')
        throw new Error('disk I/O error')
      },
    } as unknown as Statement
    const results = await Promise.allSettled([
      atomic([put('a')]),
      atomic([failing]),
      atomic([put('b')]),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(keys()).toEqual(['a', 'b'])
  })

  test('calls waiting on a connection that closed are refused, not left hanging', async () => {
    const { sqlite, put } = keysDb()
    const atomic = groupCommitAtomic(sqlite, { applyAdds: noAdds })
    const pending = [atomic([put('a')]), atomic([put('b')])]
    sqlite.close()
    const results = await Promise.allSettled(pending)
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
  })

  test('a batch writes the sum of the adds of the calls that succeeded, folded per row', async () => {
    const member = fc.record({
      fails: fc.boolean(),
      adds: fc.array(
        fc.record({
          waveId: fc.constantFrom('w1', 'w2'),
          group: fc.constantFrom('customer', 'customer/region=North'),
          block: fc.integer({ min: 0, max: 2 }),
          values: fc.array(fc.integer({ min: 0, max: 3 }), {
            minLength: BLOCK_WIDTH,
            maxLength: BLOCK_WIDTH,
          }),
        }),
        { maxLength: 4 },
      ),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(member, { minLength: 1, maxLength: 12 }), async (members) => {
        const { sqlite, put } = keysDb()
        sqlite.exec(`INSERT INTO keys VALUES ('taken')`)
        const written: AggregateAdd[][] = []
        const atomic = groupCommitAtomic(sqlite, { applyAdds: (a) => void written.push([...a]) })
        await Promise.allSettled(
          members.map((m, i) => atomic([put(`k${i}`), ...(m.fails ? [put('taken')] : [])], m.adds)),
        )
        const expected = new Map<string, number[]>()
        for (const m of members) {
          if (m.fails) continue
          for (const a of m.adds) {
            const key = `${a.waveId}|${a.group}|${a.block}`
            const sum = expected.get(key) ?? new Array<number>(BLOCK_WIDTH).fill(0)
            a.values.forEach((v, j) => (sum[j] = sum[j]! + v))
            expected.set(key, sum)
          }
        }
        for (const [k, v] of expected) if (v.every((x) => x === 0)) expected.delete(k)
        expect(written.length).toBeLessThanOrEqual(1)
        const actual = new Map(
          (written[0] ?? []).map((a) => [`${a.waveId}|${a.group}|${a.block}`, [...a.values]]),
        )
        expect(actual).toEqual(expected)
        sqlite.close()
      }),
      { numRuns: 60 },
    )
  })
})
