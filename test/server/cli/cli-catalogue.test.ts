import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { csiWithDatabase } from '../../helpers/cli'

describe('csi catalogue', () => {
  test('export prints the starter catalogue; an edited file imports and exports back the same', async () => {
    const csi = csiWithDatabase()
    const starter = await csi('catalogue', 'export')
    expect(starter.code).toBe(0)
    const lines = starter.stdout.trimEnd().split('\r\n')
    expect(lines[0]).toBe('key,kind,label,description,customer,wholesaler,retailer,employee')
    expect(lines).toContain(
      'trade_terms,attribute,"Trade terms (prices, discounts, payment terms)",,,yes,yes,',
    )

    const edited = [
      ...lines.filter((l) => !l.startsWith('order_accuracy,')),
      'invoice_accuracy,attribute,Invoice accuracy,"=Matches the order, line by line",yes,,yes,yes',
    ].join('\r\n')
    const file = join(dirname(csi.env.DATABASE_PATH), 'catalogue.csv')
    writeFileSync(file, edited)
    const imported = await csi('catalogue', 'import', file)
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toBe(
      `Imported ${lines.length - 1} items (12 attributes, 7 attitude) from ${file}\n`,
    )

    const again = (await csi('catalogue', 'export')).stdout
    expect(again).toContain(
      `invoice_accuracy,attribute,Invoice accuracy,"'=Matches the order, line by line",yes,,yes,yes`,
    )
    expect(again).not.toContain('order_accuracy')
    writeFileSync(file, again)
    expect((await csi('catalogue', 'import', file)).code).toBe(0)
    expect((await csi('catalogue', 'export')).stdout).toBe(again)
  })

  test('a bad file changes nothing and names every bad row', async () => {
    const csi = csiWithDatabase()
    const file = join(dirname(csi.env.DATABASE_PATH), 'bad.csv')
    writeFileSync(
      file,
      'key,label,customer,wholesaler,retailer,employee\nSpeed,Speed,yes,,,\nok,,yes,,,\n',
    )
    const res = await csi('catalogue', 'import', file)
    expect(res.code).toBe(1)
    expect(res.stderr).toBe(
      `csi: ${file}: nothing imported\n  row 2.key: must be lower_snake_case: a–z, digits and _, starting with a letter\n  row 3.label: needs a label\n`,
    )
    expect((await csi('catalogue', 'export')).stdout).toContain('order_accuracy')
    expect((await csi('catalogue', 'import', join(file, 'missing.csv'))).stderr).toMatch(
      /^csi: <file\.csv>: cannot read .* \(ENOTDIR\)\n$/,
    )
  })
})
