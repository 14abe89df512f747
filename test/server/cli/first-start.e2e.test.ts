import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { describe, expect, test } from 'vitest'
import { repoRoot } from '../../helpers/repo-root'

const run = promisify(execFile)

// Two first starts on one new file at once (the server and a `csi` command, or two commands)
// used to race: both migrated, both loaded the starter surveys, and one crashed on a table or a
// version that the other had just written.
describe('first start, several processes at once', () => {
  // A race shows only now and then: four new databases, three processes on each.
  test.each([1, 2, 3, 4])(
    'round %i: three `csi wave create` on a new database all succeed; each survey is loaded once',
    async () => {
      const path = join(mkdtempSync(join(tmpdir(), 'csi-first-')), 'csi.db')
      const env = { ...process.env, DATABASE_PATH: path }
      const outs = await Promise.all(
        ['A', 'B', 'C'].map((name) =>
          run(
            process.execPath,
            [
              'server/cli/bin.js',
              'wave',
              'create',
              '--survey',
              'customer',
              '--name',
              name,
              '--json',
            ],
            { cwd: repoRoot, env },
          ),
        ),
      )
      expect(outs.map((o) => o.stderr)).toEqual(['', '', ''])
      expect(outs.map((o) => (JSON.parse(o.stdout) as { name: string }).name).sort()).toEqual([
        'A',
        'B',
        'C',
      ])
      const db = new Database(path, { readonly: true })
      const versions = db
        .prepare('select survey_id as id, count(*) as n from survey_versions group by survey_id')
        .all()
      db.close()
      expect(versions).toEqual([
        { id: 'customer', n: 1 },
        { id: 'employee', n: 1 },
        { id: 'retailer', n: 1 },
        { id: 'wholesaler', n: 1 },
      ])
    },
  )
})
