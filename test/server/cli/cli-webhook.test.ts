import { describe, expect, test } from 'vitest'
import { csiWithDatabase } from '../../helpers/cli'

describe('csi webhook', () => {
  test('add prints the secret once, list shows the endpoint without it, remove drops it', async () => {
    const cli = csiWithDatabase()
    const added = await cli(
      'webhook',
      'add',
      'https://crm.example.com/csi',
      '--events',
      'alert.opened,wave.closed',
    )
    expect(added.stderr).toBe('')
    expect(added.code).toBe(0)
    const secret = /^(whsec_\S+)$/m.exec(added.stdout)![1]!
    const id = /Added webhook (\S+): alert\.opened, wave\.closed/.exec(added.stdout)![1]!
    const listed = await cli('webhook', 'list')
    expect(listed.stdout).toContain(
      `${id}  https://crm.example.com/csi  alert.opened,wave.closed  enabled`,
    )
    expect(listed.stdout).not.toContain(secret)
    expect((await cli('webhook', 'remove', id)).code).toBe(0)
    expect((await cli('webhook', 'list')).stdout).toBe('No webhooks\n')
  })

  test('bad options are refused naming the option', async () => {
    const cli = csiWithDatabase()
    const events = await cli(
      'webhook',
      'add',
      'https://crm.example.com/',
      '--events',
      'alert.opened,alert.exploded',
    )
    expect(events.code).toBe(1)
    expect(events.stderr).toContain('--events: "alert.exploded" not one of')
    const scheme = await cli('webhook', 'add', 'ftp://crm.example.com/', '--events', 'alert.opened')
    expect(scheme.stderr).toContain('<url>: must be an http or https URL')
    const loopback = await cli(
      'webhook',
      'add',
      'http://127.0.0.1:9000/',
      '--events',
      'alert.opened',
    )
    expect(loopback.stderr).toContain('WEBHOOK_ALLOW_PRIVATE=1')
    const allowed = csiWithDatabase({ WEBHOOK_ALLOW_PRIVATE: '1' })
    expect(
      (await allowed('webhook', 'add', 'http://127.0.0.1:9000/', '--events', 'alert.opened')).code,
    ).toBe(0)
    expect((await cli('webhook', 'remove', 'wh-nothere')).stderr).toContain('no webhook wh-nothere')
  })
})
