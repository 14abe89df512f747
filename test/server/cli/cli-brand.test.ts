import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { csiWithDatabase } from '../../helpers/cli'

describe('csi settings: the brand and languages (SPEC §5.2)', () => {
  test('organisation, brand-colour, logo and languages are set, shown and refused by name', async () => {
    const csi = csiWithDatabase()
    const dir = mkdtempSync(join(tmpdir(), 'csi-brand-'))
    const shown = (await csi('settings', 'show')).stdout
    expect(shown).toContain('Organisation: (the name in MAIL_FROM)')
    expect(shown).toContain('Brand colour: #19635a')
    expect(shown).toContain('Logo: none')
    expect(shown).toContain('Languages: en (the first is the default)')

    expect((await csi('settings', 'set', 'organisation', 'Acme Supplies')).code).toBe(0)
    expect((await csi('settings', 'set', 'brand-colour', '#1D4ED8')).code).toBe(0)
    expect((await csi('settings', 'set', 'languages', 'de, fr-ca,en')).code).toBe(0)
    const svg = join(dir, 'logo.svg')
    writeFileSync(
      svg,
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8"/></svg>',
    )
    expect((await csi('settings', 'set', 'logo', svg)).code).toBe(0)
    const after = (await csi('settings', 'show')).stdout
    expect(after).toContain('Organisation: Acme Supplies')
    expect(after).toContain('Brand colour: #1d4ed8')
    expect(after).toMatch(/Logo: \/brand\/logo-[0-9a-f]{16}\.svg/)
    expect(after).toContain('Languages: de, fr-CA, en')

    const refusals: [string[], RegExp][] = [
      [
        ['brand-colour', '#ffdd00'],
        /^csi: brand-colour: "#ffdd00" white text on #ffdd00 has a contrast of 1\.\d+:1; WCAG AA needs 4\.5:1/,
      ],
      [
        ['languages', 'en,Deutsch!'],
        /^csi: languages: "en,Deutsch!" "Deutsch!" is not a BCP 47 language tag/,
      ],
      [['logo', join(dir, 'missing.png')], /^csi: logo: cannot read .*missing\.png \(ENOENT\)/],
    ]
    const gif = join(dir, 'logo.png')
    writeFileSync(gif, 'GIF89a not really a png')
    refusals.push([['logo', gif], /^csi: logo: .*logo\.png is not a PNG, JPEG or SVG image/])
    for (const [args, message] of refusals) {
      const out = await csi('settings', 'set', ...args)
      expect(out.code, args.join(' ')).toBe(1)
      expect(out.stderr).toMatch(message)
    }
    // Nothing refused changed anything.
    expect((await csi('settings', 'show')).stdout).toBe(after)
    expect((await csi('settings', 'set', 'logo', 'none')).code).toBe(0)
    expect((await csi('settings', 'show')).stdout).toContain('Logo: none')
  })
})
