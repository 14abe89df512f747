import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { makeCustomerAnswers } from '../../helpers/answers'
import { startNodeServer } from '../../helpers/node-server'
import { rawHeader, startSmtpServer, surveyLink } from '../../helpers/smtp'
import { waitForCondition } from '../../helpers/wait-for'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
})

// A condition, not a deadline: only a system that shows nothing for the stall window fails.
const waitFor = (what: string, check: () => boolean) =>
  waitForCondition(what, check, { done: (ok) => ok })

/** Answers with no score at 2 or below, unless patched. */
const answers = (patch: Record<string, unknown> = {}) =>
  makeCustomerAnswers({
    overall: 5,
    rebuy: 5,
    attributes: { product_quality: 5, delivery_reliability: 4, complaint_handling: 4 },
    ...patch,
  })

describe(
  'closing the loop end to end: npm start, a real SMTP server, emailed links',
  { timeout: 300_000 },
  () => {
    test('a low score gets one acknowledgement, one owner email and one alert; a high score none', async () => {
      const mail = await startSmtpServer()
      stops.push(mail.stop)
      const server = await startNodeServer({
        SMTP_URL: mail.url,
        MAIL_FROM: 'Acme Surveys <surveys@acme.example>',
      })
      stops.push(server.stop)
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
      const file = join(mkdtempSync(join(tmpdir(), 'csi-loop-')), 'contacts.csv')
      writeFileSync(
        file,
        'email,name,owner\nlou@example.com,Lou Low,am@acme.example\nhai@example.com,Hai High,am@acme.example\n',
      )
      await server.csi('contacts', 'import', file, '--wave', wave)
      await server.csi('invite', '--wave', wave)
      expect(mail.received.map((m) => m.to).sort()).toEqual(['hai@example.com', 'lou@example.com'])

      // Each contact follows the link in their email, as a browser would, and submits.
      const cookies = new Map<string, string>()
      const respond = async (to: string, data: Record<string, unknown>) => {
        if (!cookies.has(to)) {
          const invitation = mail.received.find((m) => m.to === to)!
          const opened = await fetch(surveyLink(invitation), { redirect: 'manual' })
          expect(opened.status).toBe(303)
          cookies.set(to, opened.headers.get('set-cookie')!.split(';')[0]!)
        }
        const res = await fetch(`${server.url}/api/respond/responses`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Cookie: cookies.get(to)! },
          body: JSON.stringify({ data, submissionKey: crypto.randomUUID() }),
        })
        return res.status
      }
      expect(
        await respond('lou@example.com', answers({ overall: 1, low_score_reason: 'Late twice' })),
      ).toBe(201)
      await waitFor('the two follow-up emails', () => mail.received.length >= 4)
      const ack = mail.received.find(
        (m) => m.to === 'lou@example.com' && m !== mail.received[0] && /on it/i.test(m.subject),
      )!
      expect(ack.subject).toBe('Thank you for telling us: we are on it')
      expect(ack.text).toContain('Dear Lou Low')
      expect(ack.text).toContain('Acme Surveys')
      expect(ack.messageId).toMatch(/^<acknowledgement\.a-[0-9a-z]+@127\.0\.0\.1>$/)
      expect(rawHeader(ack, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      const owner = mail.received.find((m) => m.to === 'am@acme.example')!
      expect(owner.subject).toBe('Follow up: Lou Low <lou@example.com> (Q4 customers)')
      expect(owner.text).toContain('Overall satisfaction: 1 of 5')
      const alertUrl = /http\S+\/alerts\/(a-[0-9a-z]+)/.exec(owner.text)!
      expect(alertUrl[0].startsWith(server.url)).toBe(true)

      // The high score, a double submit of the low one, and a second sender run: nothing more.
      expect(await respond('hai@example.com', answers())).toBe(201)
      expect(await respond('lou@example.com', answers({ overall: 1 }))).toBe(409)
      await server.csi('remind', '--wave', wave, '--after-days', '0')
      await new Promise((r) => setTimeout(r, 1500))
      expect(mail.received.filter((m) => m.to === 'am@acme.example')).toHaveLength(1)
      expect(mail.received.filter((m) => /on it/i.test(m.subject))).toHaveLength(1)

      // The owner's link leads to the alert: one, with the response behind it.
      const signIn = await fetch(`${server.url}/api/auth/sign-in/email`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: server.url },
        body: JSON.stringify({ email: 'admin@example.com', password: 'correct horse battery' }),
      })
      const cookie = signIn.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ')
      const list = await (
        await fetch(`${server.url}/api/alerts`, { headers: { Cookie: cookie } })
      ).json()
      expect(list.alerts.map((a: { id: string }) => a.id)).toEqual([alertUrl[1]])
      const detail = await (
        await fetch(`${server.url}/api/alerts/${alertUrl[1]}`, { headers: { Cookie: cookie } })
      ).json()
      expect(detail.alert).toMatchObject({
        contactEmail: 'lou@example.com',
        ownerEmail: 'am@acme.example',
        status: 'open',
      })
      expect(detail.response.answers.low_score_reason).toBe('Late twice')

      // A restart sends nothing twice: the outbox rows were marked sent.
      await server.stop()
      await server.csi('invite', '--wave', wave)
      expect(mail.received).toHaveLength(4)
    })
  },
)
