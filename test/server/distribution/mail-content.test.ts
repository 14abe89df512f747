import { describe, expect, test } from 'vitest'
import {
  messageContent,
  type MessageAudience,
  type MessageInput,
} from '../../../server/distribution/message-content'

const SURVEY_URL = 'https://csi.example.com/s/Xk3m9QaZ7hT2pLw8vN4rYb?lang=en&ref=mail'
const UNSUBSCRIBE_URL = 'https://csi.example.com/unsubscribe/Xk3m9QaZ7hT2pLw8vN4rYb'
const audiences: MessageAudience[] = ['customer', 'wholesaler', 'retailer', 'employee']

const makeInput = (over: Partial<MessageInput> = {}): MessageInput => ({
  audience: 'customer',
  kind: 'invitation',
  reminderNumber: 0,
  recipientName: 'Ana',
  waveName: '2026 Q4 customers',
  organisation: 'Acme Ltd',
  surveyUrl: SURVEY_URL,
  unsubscribeUrl: UNSUBSCRIBE_URL,
  closesAt: new Date('2026-12-11T23:30:00Z'),
  minutes: 3,
  ...over,
})
const reminder = (over: Partial<MessageInput> = {}) =>
  makeInput({ kind: 'reminder', reminderNumber: 1, ...over })
const amp = (url: string) => url.replaceAll('&', '&amp;')
const regex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
// What a reader sees: tags dropped, entities decoded, whitespace collapsed.
const visible = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

describe('messageContent() wording', () => {
  const own: Record<MessageAudience, RegExp> = {
    customer: /satisfied you are with Acme Ltd's products and\s+service/,
    wholesaler: /As a wholesale partner of Acme Ltd.*supply service/s,
    retailer: /As a retail partner of Acme Ltd.*supply service/s,
    employee: /how they think our customers rate\s+the\s+company/,
  }

  test.each(audiences)('%s gets its own wording in both bodies', (audience) => {
    const { text, html } = messageContent(makeInput({ audience }))
    expect(text).toMatch(own[audience])
    expect(visible(html)).toMatch(own[audience])
    for (const other of audiences.filter((a) => a !== audience))
      expect(text).not.toMatch(own[other])
  })

  test('wholesalers and retailers are asked about delivery, order accuracy, terms and support', () => {
    for (const audience of ['wholesaler', 'retailer'] as const) {
      const flat = messageContent(makeInput({ audience })).text.replace(/\s+/g, ' ')
      expect(flat).toContain('delivery, order accuracy, trading terms and support')
    }
    expect(messageContent(makeInput()).text).not.toContain('order accuracy')
  })

  test.each(['invitation', 'reminder'] as const)(
    'the employee %s says answers are anonymous and never linked to the name',
    (kind) => {
      const input = makeInput({
        audience: 'employee',
        kind,
        reminderNumber: +(kind === 'reminder'),
      })
      const { subject, text, html } = messageContent(input)
      const flat = text.replace(/\s+/g, ' ')
      expect(flat).toContain('Your answers are anonymous.')
      expect(flat).toContain('never linked to your name')
      expect(html).toContain('Your answers are anonymous.')
      expect(html.replace(/\s+/g, ' ')).toContain('never linked to your name')
      expect(subject).toContain('anonymous')
    },
  )

  test('customers and trade partners are not told the survey is anonymous', () => {
    for (const audience of ['customer', 'wholesaler', 'retailer'] as const)
      expect(messageContent(makeInput({ audience })).text).not.toMatch(/anonymous/i)
  })

  test('greets by name, or neutrally when the name is null or blank', () => {
    expect(messageContent(makeInput()).text.split('\n')[0]).toBe('Dear Ana,')
    expect(messageContent(makeInput({ recipientName: null })).text.split('\n')[0]).toBe('Hello,')
    expect(messageContent(makeInput({ recipientName: '  ' })).text.split('\n')[0]).toBe('Hello,')
    expect(messageContent(makeInput({ recipientName: null })).html).toContain('>Hello,</p>')
  })

  test.each([1, 2, 3])('reminder %i says politely it is not too late', (reminderNumber) => {
    const { text, html } = messageContent(reminder({ reminderNumber }))
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('We have not heard back from you yet, and it is not too late')
    expect(flat).toContain('If you have already answered, thank you')
    expect(html).toContain('Answer the survey')
    expect(messageContent(makeInput()).text).not.toContain('not too late')
  })
})

describe('messageContent() subject', () => {
  test('matches the agreed examples', () => {
    expect(messageContent(makeInput()).subject).toBe(
      'How are we doing? A 3-minute survey from Acme Ltd',
    )
    expect(messageContent(reminder()).subject).toBe("Reminder: your view on Acme Ltd's service")
  })

  test.each(audiences)('%s: reminder subject differs from the invitation subject', (audience) => {
    const invitation = messageContent(makeInput({ audience })).subject
    const later = messageContent(reminder({ audience })).subject
    expect(later).not.toBe(invitation)
    expect(later).toMatch(/^Reminder: /)
    expect(invitation).not.toMatch(/reminder|!/i)
    expect(invitation).not.toMatch(/[A-Z]{4,}/)
  })

  test.each(audiences)('%s: CR/LF in any input never reaches the subject', (audience) => {
    for (const kind of ['invitation', 'reminder'] as const) {
      const base = { audience, kind, reminderNumber: +(kind === 'reminder') }
      const hostile = messageContent(
        makeInput({
          ...base,
          waveName: '2026 Q4\r\nBcc: x',
          organisation: 'Acme\r\nBcc: evil@example.com\u0000',
          recipientName: 'Ana\nBcc: y',
        }),
      )
      const flattened = messageContent(
        makeInput({
          ...base,
          waveName: '2026 Q4 Bcc: x',
          organisation: 'Acme Bcc: evil@example.com',
        }),
      )
      expect(hostile.subject).not.toMatch(/[\r\n\u0000-\u001f\u007f]/)
      expect(hostile.subject).toBe(flattened.subject)
      expect(hostile.text).not.toContain('\r')
      expect(hostile.text.split('\n')[0]).toBe('Dear Ana Bcc: y,')
      expect(hostile.text).toContain('Survey: 2026 Q4 Bcc: x\n')
    }
    expect(
      messageContent(makeInput({ audience, organisation: 'Acme\r\nBcc: z' })).subject,
    ).toContain('Acme Bcc: z')
  })
})

describe('messageContent() links and dates', () => {
  test.each(audiences)('%s: survey and unsubscribe links are in both bodies', (audience) => {
    const { text, html } = messageContent(makeInput({ audience }))
    const lines = text.split('\n')
    expect(lines).toContain(SURVEY_URL)
    expect(lines).toContain(UNSUBSCRIBE_URL)
    // Once in the button, once as the visible fallback link.
    expect(html.split(`href="${amp(SURVEY_URL)}"`)).toHaveLength(3)
    expect(html).toContain(`>${amp(SURVEY_URL)}</a>`)
    expect(html).toMatch(new RegExp(`href="${regex(UNSUBSCRIBE_URL)}"[^>]*>Unsubscribe</a>`))
  })

  test('formats the close date in UTC, en-GB, without the weekday comma', () => {
    const { text, html } = messageContent(makeInput())
    expect(text.replace(/\s+/g, ' ')).toContain('Please answer by Friday 11 December 2026.')
    expect(html).toContain('Please answer by <strong>Friday 11 December 2026</strong>.')
  })

  test('the close date does not depend on the server time zone', () => {
    // Node re-reads TZ when it is assigned; forks isolate this file from the others.
    const zone = process.env.TZ
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = tz
        for (const at of ['2026-12-11T00:30:00Z', '2026-12-11T23:30:00Z']) {
          const { text } = messageContent(makeInput({ closesAt: new Date(at) }))
          expect(text, `${tz} ${at}`).toContain('Please answer by Friday 11 December 2026.')
        }
      }
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  test('omits the answer-by sentence when the survey is open-ended', () => {
    const { text, html } = messageContent(makeInput({ closesAt: null }))
    expect(text).not.toContain('Please answer by')
    expect(html).not.toContain('Please answer by')
    expect(text).toContain('It takes about 3 minutes.')
  })

  test('refuses links that are not http(s), such as javascript:', () => {
    expect(() => messageContent(makeInput({ surveyUrl: 'javascript:alert(1)' }))).toThrow(
      /surveyUrl/,
    )
    expect(() => messageContent(makeInput({ unsubscribeUrl: '/unsubscribe' }))).toThrow(
      /unsubscribeUrl/,
    )
  })

  test('text lines stay within 78 characters, except URLs', () => {
    for (const audience of audiences) {
      for (const input of [makeInput({ audience }), reminder({ audience })]) {
        const long = messageContent(input)
          .text.split('\n')
          .filter((l) => l.length > 78 && !/^https?:\/\//.test(l))
        expect(long).toEqual([])
      }
    }
  })
})

describe('messageContent() HTML', () => {
  const hostile = '<script>alert(1)</script> & "x"'

  test('escapes every interpolated value', () => {
    const { html, text } = messageContent(
      makeInput({
        recipientName: hostile,
        waveName: hostile,
        organisation: `O'Brien <b>&</b> "Sons"`,
        surveyUrl: 'https://csi.example.com/s/a"onmouseover="alert(1)',
      }),
    )
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('"onmouseover')
    expect(html).toContain('Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;,')
    expect(html).toContain('Survey: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;')
    expect(html).toContain('O&#39;Brien &lt;b&gt;&amp;&lt;/b&gt; &quot;Sons&quot;')
    expect(html).toContain('href="https://csi.example.com/s/a&quot;onmouseover=&quot;alert(1)"')
    // Plain text is not HTML: the name appears as typed.
    expect(text.split('\n')[0]).toBe(`Dear ${hostile},`)
  })

  test.each(audiences)('%s: a complete, self-contained document', (audience) => {
    const { html, subject } = messageContent(makeInput({ audience }))
    expect(html).toMatch(/^<!doctype html>\n<html lang="en"/)
    expect(html).toContain('<meta charset="utf-8">')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html).toContain(`<title>${subject.replaceAll("'", '&#39;')}</title>`)
    expect(html.trimEnd()).toMatch(/<\/body>\n<\/html>$/)
    expect(html).toMatch(/max-width:600px/)
    expect(html).not.toMatch(/<img|<link|<script|<iframe|src=|url\(|@import/i)
    const urls = [...html.matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0])
    expect(new Set(urls)).toEqual(new Set([amp(SURVEY_URL), UNSUBSCRIBE_URL]))
  })

  test('has a hidden preheader and a bulletproof button', () => {
    const { html } = messageContent(makeInput({ audience: 'employee' }))
    expect(html).toMatch(/<div style="display:none;[^"]*">Anonymous\. We would value your view\./)
    expect(html).toMatch(
      new RegExp(
        `<td bgcolor="#[0-9a-f]{6}"[^>]*><a href="${regex(amp(SURVEY_URL))}"[^>]*padding:`,
      ),
    )
  })
})
