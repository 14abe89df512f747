import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { openDatabase } from '../../../server/node/open-database'
import { csiWithDatabase } from '../../helpers/cli'

// `csi responses import` stages rows in its connection's own TEMP table, written 5,000 rows at a
// time: these files cross that boundary, so refusals and duplicates are found across writes.

function workspace() {
  const csi = csiWithDatabase()
  const dir = dirname(csi.env.DATABASE_PATH)
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name)
    writeFileSync(path, `${lines.join('\n')}\n`)
    return path
  }
  const count = (sql: string) => {
    const store = openDatabase(csi.env.DATABASE_PATH)
    try {
      return store.sqlite.prepare(sql).pluck().get() as number
    } finally {
      store.close()
    }
  }
  return { csi, file, count }
}

async function invitedWave(w: ReturnType<typeof workspace>) {
  const created = await w.csi('wave', 'create', '--survey', 'customer', '--name', 'Q', '--json')
  expect(created.code, created.stderr).toBe(0)
  const wave = JSON.parse(created.stdout).id as string
  const contacts = w.file('contacts.csv', [
    'email,name,owner',
    'c0@example.com,Cleo,am@acme.example',
  ])
  const imported = await w.csi('contacts', 'import', contacts, '--wave', wave)
  expect(imported.code, imported.stderr).toBe(0)
  return wave
}

/** `n` postal rows with external ids S-<row>. */
const rows = (n: number) => Array.from({ length: n }, (_, i) => `S-${i + 2},${(i % 5) + 1},4,4`)
const header = 'respondent,overall,rebuy,delivery_reliability'

describe('csi responses import', () => {
  test('a bad cell and a repeated invitee far apart refuse the whole file, naming rows and columns', async () => {
    const w = workspace()
    const wave = await invitedWave(w)
    const lines = [header, 'c0@example.com,4,4,4', ...rows(12_000), 'c0@example.com,5,5,5']
    lines[9_000] = 'S-9001,7,4,4'
    const out = await w.csi('responses', 'import', w.file('bad.csv', lines), '--wave', wave)
    expect(out.code).not.toBe(0)
    expect(out.stderr).toContain('nothing was imported: 2 problems')
    expect(out.stderr).toMatch(/row 9001: overall: "7" is not /)
    expect(out.stderr).toContain('row 12003: respondent: the same invitee is also on row 2')
    expect(w.count('select count(*) from responses')).toBe(0)
    expect(w.count('select count(*) from alerts')).toBe(0)
    expect(w.count('select count(*) from invitations where responded = 1')).toBe(0)
    expect(w.count('select count(*) from import_rows')).toBe(0)
  })

  test('a good file lands whole with its invitees marked and its low scores’ alerts opened', async () => {
    const w = workspace()
    const created = await w.csi('wave', 'create', '--survey', 'customer', '--name', 'Q', '--json')
    const wave = JSON.parse(created.stdout).id as string
    const n = 12_000
    const emails = Array.from({ length: n }, (_, i) => `c${i}@example.com`)
    const contacts = w.file('contacts.csv', [
      'email,owner',
      ...emails.map((e) => `${e},am@acme.example`),
    ])
    expect((await w.csi('contacts', 'import', contacts, '--wave', wave)).code).toBe(0)
    // Overall cycles 1–5: two rows in five are low scores of invitees (the default rules).
    const lines = [header, ...emails.map((e, i) => `${e},${(i % 5) + 1},4,4`)]
    const low = emails.filter((_, i) => i % 5 < 2).length
    const out = await w.csi('responses', 'import', w.file('good.csv', lines), '--wave', wave)
    expect(out.code, out.stderr).toBe(0)
    expect(out.stdout).toContain(`Imported ${n} responses`)
    expect(out.stdout).toContain(`${n} matched an invitation`)
    expect(out.stdout).toContain(`${low} low-score responses opened a follow-up alert`)
    expect(w.count('select count(*) from responses')).toBe(n)
    expect(w.count('select count(*) from invitations where responded = 1')).toBe(n)
    expect(w.count('select count(*) from alerts')).toBe(low)
    expect(w.count("select count(*) from alerts where reasons like '%overall:%'")).toBe(low)
    expect(w.count("select count(*) from outbox where kind = 'alert'")).toBe(low)
    // Every response counts as checked: the wave's mark is past all of them.
    expect(w.count('select alerts_checked_through from waves')).toBe(
      w.count('select max(id) from responses'),
    )
  })
})
