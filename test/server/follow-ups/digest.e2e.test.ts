import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { makeCustomerAnswers } from '../../helpers/answers'
import { startNodeServer } from '../../helpers/node-server'
import { startSmtpServer, surveyLink } from '../../helpers/smtp'
import { waitForCondition } from '../../helpers/wait-for'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
})

const waitFor = (what: string, check: () => boolean) =>
  waitForCondition(what, check, { done: (ok) => ok })

const answers = (patch: Record<string, unknown>) =>
  makeCustomerAnswers({
    overall: 5,
    rebuy: 5,
    attributes: { product_quality: 5, delivery_reliability: 4, complaint_handling: 4 },
    ...patch,
  })

describe('the daily digest end to end: npm start, its scheduled run, a real SMTP server', () => {
  test(
    'two low scores: the acknowledgements at once, the owner one digest listing both',
    {
      timeout: 600_000,
    },
    async () => {
      const mail = await startSmtpServer()
      stops.push(mail.stop)
      // The timer's shortest period (a minute) stands in for Workers' cron.
      const server = await startNodeServer({
        SMTP_URL: mail.url,
        MAIL_FROM: 'Acme Surveys <surveys@acme.example>',
        SCHEDULE_MINUTES: '1',
      })
      stops.push(server.stop)
      // Hour 0: the hour has passed whenever the test runs.
      const set = await server.csi('settings', 'set', 'alert-delivery', 'daily')
      expect(set).toContain('owners get a daily digest from 07:00 UTC')
      await server.csi('settings', 'set', '--digest-hour', '0')
      const wave = JSON.parse(
        await server.csi(
          'wave',
          'create',
          '--survey',
          'customer',
          '--name',
          'Q4 customers',
          '--json',
        ),
      ).id as string
      const file = join(mkdtempSync(join(tmpdir(), 'csi-digest-')), 'contacts.csv')
      writeFileSync(
        file,
        'email,name,owner\nlou@example.com,Lou Low,am@acme.example\nkim@example.com,Kim Kay,am@acme.example\n',
      )
      await server.csi('contacts', 'import', file, '--wave', wave)
      await server.csi('invite', '--wave', wave)
      expect(mail.received).toHaveLength(2)

      const respond = async (to: string, data: Record<string, unknown>) => {
        const invitation = mail.received.find((m) => m.to === to)!
        const opened = await fetch(surveyLink(invitation), { redirect: 'manual' })
        const cookie = opened.headers.get('set-cookie')!.split(';')[0]!
        const res = await fetch(`${server.url}/api/respond/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookie },
          body: JSON.stringify({ data, submissionKey: crypto.randomUUID() }),
        })
        expect(res.status).toBe(201)
      }
      await respond('lou@example.com', answers({ overall: 1 }))
      await respond('kim@example.com', answers({ rebuy: 2 }))
      await waitFor('both acknowledgements', () => mail.received.length >= 4)
      expect(
        mail.received
          .filter((m) => /on it/i.test(m.subject))
          .map((m) => m.to)
          .sort(),
      ).toEqual(['kim@example.com', 'lou@example.com'])
      expect(mail.received.filter((m) => m.to === 'am@acme.example')).toEqual([])

      await waitFor('the digest', () => mail.received.some((m) => m.to === 'am@acme.example'))
      const digests = mail.received.filter((m) => m.to === 'am@acme.example')
      expect(digests).toHaveLength(1)
      const digest = digests[0]!
      const today = new Date()
      const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(
        today,
      )
      expect(digest.subject).toMatch(
        new RegExp(
          `^Your follow-ups \\(\\w+ ${today.getUTCDate()} ${month} ${today.getUTCFullYear()}\\): 2 new$`,
        ),
      )
      expect(digest.messageId).toMatch(/^<digest\.\d{4}-\d{2}-\d{2}\.[0-9a-f-]+@127\.0\.0\.1>$/)
      expect(digest.text).toContain('1. Lou Low <lou@example.com> (Q4 customers)')
      expect(digest.text).toContain('   - Overall satisfaction: 1 of 5')
      expect(digest.text).toContain('2. Kim Kay <kim@example.com> (Q4 customers)')
      expect(digest.text).toContain('   - Intention to buy again: 2 of 5')
      const links = [...digest.text.matchAll(/http\S+\/alerts\/(a-[0-9a-z]+)/g)].map((m) => m[0])
      expect(links).toHaveLength(2)
      for (const link of links) {
        expect(link.startsWith(server.url)).toBe(true)
        expect(digest.html).toContain(`href="${link}"`)
      }
      expect(digest.html).toContain('Kim Kay &lt;kim@example.com&gt;')
      expect(digest.text).toContain(`${server.url}/alerts?owner=am%40acme.example`)

      // Each link leads to its alert, whose owner is the digest's reader.
      const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ email: 'admin@example.com', password: 'correct horse battery' }),
      })
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      for (const link of links) {
        const id = link.split('/alerts/')[1]!
        const res = await fetch(`${server.url}/api/alerts/${id}`, { headers: { Cookie: cookie } })
        expect((await res.json()).alert).toMatchObject({
          ownerEmail: 'am@acme.example',
          viaDigest: true,
          digestDay: today.toISOString().slice(0, 10),
        })
      }
    },
  )
})
