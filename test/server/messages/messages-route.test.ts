import { describe, expect, test } from 'vitest'
import { saveBrand, saveLogo, saveProgrammeLanguages } from '../../../server/db/brand-settings'
import type { MailSetup } from '../../../server/env'
import { MailError, type OutgoingMessage } from '../../../server/mail/mailer'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>
type Body = Record<string, unknown> & { error?: { message: string; issues?: { path: string }[] } }

function fakeMail(fail?: MailError) {
  const sent: OutgoingMessage[] = []
  const mail: MailSetup = {
    from: '"Acme Surveys" <surveys@acme.example>',
    organisation: 'Acme Surveys',
    mailer: {
      description: 'test',
      close: async () => {},
      send: async (m) => {
        if (fail) throw fail
        sent.push(m)
      },
    },
  }
  return { mail, sent }
}

async function as(t: App, role: 'admin' | 'hr' | 'manager') {
  const cookie = await signedInAs(t.app, t.store, role)
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await t.app.request(`/api/messages${path}`, {
      method,
      headers: {
        Cookie: cookie,
        Origin: 'http://localhost:8787',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, body: (await res.json()) as Body }
  }
  return call
}

const germanInvitation = {
  subject: 'Ihre Meinung zu {organisation}, bitte bis {closeDate}',
  preheader: 'Drei Minuten.',
  heading: 'Wie war es?',
  greeting: 'Guten Tag {name},',
  greetingNoName: 'Guten Tag,',
  body: 'wir fragen Sie nach {wave}.\n\nDer Link: {surveyLink}',
  timing: 'Etwa {minutes} Minuten.',
  deadline: 'Bitte bis {closeDate}.',
  button: 'Los geht’s',
  signoff: 'Danke.',
  why: 'Sie sind Kunde von {organisation}.',
}

describe('GET /api/messages', () => {
  test('admins see every audience; HR the employee messages only; managers none', async () => {
    const t = await makeTestApp()
    const admin = await (await as(t, 'admin'))('GET', '')
    expect(admin.status).toBe(200)
    expect((admin.body.audiences as { audience: string }[]).map((a) => a.audience)).toEqual([
      'customer',
      'wholesaler',
      'retailer',
      'employee',
    ])
    expect(admin.body.shippedLanguages).toEqual(['en', 'de', 'fr', 'es'])
    const hr = await (await as(t, 'hr'))('GET', '')
    expect(hr.body.audiences).toEqual([{ audience: 'employee', kinds: ['invitation', 'reminder'] }])
    expect((await (await as(t, 'manager'))('GET', '')).status).toBe(403)
  })

  test("the languages offered: ours, the programme's, and any with edits", async () => {
    const t = await makeTestApp()
    await saveProgrammeLanguages(t.db, ['en', 'nl'])
    const call = await as(t, 'admin')
    const words = (await call('GET', '/customer/reminder/pt-BR')).body.template
    await call('PUT', '/customer/reminder/pt-br', words)
    expect((await call('GET', '')).body.languages).toEqual(['en', 'de', 'fr', 'es', 'nl', 'pt-BR'])
  })

  test('a shipped language reads its own words; an unshipped one English with a note', async () => {
    const t = await makeTestApp()
    const call = await as(t, 'admin')
    const de = await call('GET', '/customer/invitation/de')
    expect(de.status).toBe(200)
    expect(de.body).toMatchObject({ custom: false, note: null, language: 'de' })
    expect((de.body.template as Record<string, string>).button).toBe('Umfrage starten')
    const it = await call('GET', '/customer/invitation/it')
    expect((it.body.template as Record<string, string>).button).toBe('Start the survey')
    expect(it.body.note).toMatch(/Nothing is written in Italian \(it\) yet.*English/)
    const preview = await call('POST', '/customer/invitation/it/preview', {})
    expect(preview.body.html).toMatch(/^<!doctype html>\n<html lang="en"/)
    expect(preview.body.note).toMatch(/Italian/)
  })
})

describe('PUT and DELETE /api/messages/:audience/:kind/:language', () => {
  test('an edit is stored, previewed, used, and reset to the shipped words', async () => {
    const t = await makeTestApp()
    const call = await as(t, 'admin')
    const saved = await call('PUT', '/customer/invitation/de', germanInvitation)
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ custom: true, template: germanInvitation })
    expect((await call('GET', '')).body.edits).toEqual([
      { audience: 'customer', kind: 'invitation', language: 'de' },
    ])
    const preview = await call('POST', '/customer/invitation/de/preview', {})
    expect(preview.status).toBe(200)
    expect(preview.body.subject).toMatch(
      /^Ihre Meinung zu CSI Toolkit, bitte bis \w+, \d+\. \w+ \d{4}$/,
    )
    expect(preview.body.text).toContain('Der Link: http://localhost:8787/s/example-link')
    expect(preview.body.html).toContain('<html lang="de"')
    // An Austrian contact reads the German edit.
    const austria = await call('POST', '/customer/invitation/de-at/preview', {})
    expect(austria.body.subject).toMatch(/^Ihre Meinung zu/)
    const reset = await call('DELETE', '/customer/invitation/de')
    expect(reset.status).toBe(200)
    expect(reset.body.custom).toBe(false)
    expect((reset.body.template as Record<string, string>).button).toBe('Umfrage starten')
    expect((await call('GET', '')).body.edits).toEqual([])
  })

  test('refusals name the field and the placeholder', async () => {
    const t = await makeTestApp()
    const call = await as(t, 'admin')
    const typo = await call('PUT', '/customer/invitation/de', {
      ...germanInvitation,
      body: 'Hallo {nmae}, {wave}',
    })
    expect(typo.status).toBe(400)
    expect(typo.body.error!.message).toContain('body: unknown placeholder {nmae}')
    expect(typo.body.error!.issues!.map((i) => i.path)).toEqual(['body'])

    const { subject: _, ...noSubject } = germanInvitation
    const missing = await call('PUT', '/customer/invitation/de', noSubject)
    expect(missing.status).toBe(400)
    expect(missing.body.error!.message).toContain('subject: is required')

    const twoLines = await call('PUT', '/customer/invitation/de', {
      ...germanInvitation,
      subject: 'Eins\nBcc: x@example.com',
    })
    expect(twoLines.body.error!.message).toContain('subject: must be one line')

    const alertWords = await call('PUT', '/customer/alert/en', {
      subject: 'Low score from {name}',
      body: '{contact}',
      button: 'Open',
    })
    expect(alertWords.body.error!.message).toMatch(
      /subject: unknown placeholder \{name\}; a alert may use \{contact\}/,
    )

    const badLanguage = await call('PUT', '/customer/invitation/deutsch_de', germanInvitation)
    expect(badLanguage.status).toBe(400)
    expect(badLanguage.body.error!.message).toMatch(
      /language: "deutsch_de" is not a BCP 47 language tag/,
    )

    const employeeAck = await call('GET', '/employee/acknowledgement/en')
    expect(employeeAck.status).toBe(400)
    expect(employeeAck.body.error!.message).toMatch(/kind: employee answers are anonymous/)

    const stray = await call('PUT', '/customer/alert/en', {
      subject: 'x',
      body: 'y',
      button: 'z',
      heading: 'h',
    })
    expect(stray.body.error!.message).toContain('heading: a alert has no heading')
    expect((await call('GET', '')).body.edits).toEqual([])
  })

  test('HR words the employee messages, not the customer ones', async () => {
    const t = await makeTestApp()
    const call = await as(t, 'hr')
    const words = (await call('GET', '/employee/invitation/fr')).body.template as Record<
      string,
      string
    >
    expect(words.subject).toMatch(/anonyme/)
    const ok = await call('PUT', '/employee/invitation/fr', {
      ...words,
      heading: 'Votre regard compte',
    })
    expect(ok.status).toBe(200)
    const no = await call('PUT', '/customer/invitation/fr', words)
    expect(no.status).toBe(403)
    expect(no.body.error!.message).toMatch(/HR words the employee messages only/)
  })

  test('an employee edit cannot drop the anonymity promise: the layout keeps it', async () => {
    const t = await makeTestApp()
    const call = await as(t, 'admin')
    const words = (await call('GET', '/employee/reminder/es')).body.template as Record<
      string,
      string
    >
    await call('PUT', '/employee/reminder/es', { ...words, body: 'Solo una línea.' })
    const preview = await call('POST', '/employee/reminder/es/preview', {})
    expect(preview.body.text).toContain('Sus respuestas son anónimas.')
    expect(preview.body.html).toContain('Sus respuestas son anónimas.')
  })
})

describe('POST /api/messages/:audience/:kind/:language/preview and /test', () => {
  test('a draft is previewed without being stored', async () => {
    const t = await makeTestApp()
    const call = await as(t, 'admin')
    const words = (await call('GET', '/retailer/reminder/en')).body.template as Record<
      string,
      string
    >
    const preview = await call('POST', '/retailer/reminder/en/preview', {
      template: { ...words, heading: 'A draft heading' },
    })
    expect(preview.status).toBe(200)
    expect(preview.body.html).toContain('A draft heading')
    expect((await call('GET', '/retailer/reminder/en')).body.custom).toBe(false)
    const bad = await call('POST', '/retailer/reminder/en/preview', {
      template: { ...words, why: '{oops}' },
    })
    expect(bad.body.error!.message).toContain('why: unknown placeholder {oops}')
  })

  test('"send me a test" mails the signed-in user through the configured mailer', async () => {
    const { mail, sent } = fakeMail()
    const t = await makeTestApp({ mail })
    const call = await as(t, 'admin')
    const res = await call('POST', '/customer/acknowledgement/fr/test', {})
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toBe(res.body.sentTo)
    expect(sent[0]!.to).toMatch(/^admin-.*@example\.com$/)
    expect(sent[0]!.from).toBe('"Acme Surveys" <surveys@acme.example>')
    expect(sent[0]!.subject).toBe('[Test] Merci pour votre retour\u00a0: nous nous en occupons')
    expect(sent[0]!.text).toContain('Bonjour Alex Morgan,')
    expect(sent[0]!.text).toContain('Acme Surveys')
    expect(sent[0]!.html).toContain('<html lang="fr"')
  })

  test('the test send says why when no mailer is set up or the server refuses', async () => {
    const none = await makeTestApp()
    const res = await (await as(none, 'admin'))('POST', '/customer/invitation/en/test', {})
    expect(res.status).toBe(503)
    expect(res.body.error!.message).toMatch(/No email transport is configured/)
    const refusing = fakeMail(new MailError('550 mailbox unavailable', 'permanent'))
    const t = await makeTestApp({ mail: refusing.mail })
    const refused = await (await as(t, 'admin'))('POST', '/customer/invitation/en/test', {})
    expect(refused.status).toBe(503)
    expect(refused.body.error!.message).toBe('The test email was not sent: 550 mailbox unavailable')
  })

  test('the preview and the test wear the programme brand: name, colour, a raster logo', async () => {
    const { mail, sent } = fakeMail()
    const t = await makeTestApp({ mail })
    await saveBrand(t.db, { organisation: 'Müller & Söhne', primary: '#8A1C1C' })
    const call = await as(t, 'admin')
    const plain = await call('POST', '/customer/invitation/de/preview', {})
    expect(plain.body.subject).toBe(
      'Wie zufrieden sind Sie mit uns? Eine kurze Umfrage von Müller & Söhne',
    )
    expect(plain.body.html).toContain('border-top:4px solid #8a1c1c')
    expect(plain.body.html).toContain('bgcolor="#8a1c1c"')
    expect(plain.body.html).toContain('Müller &amp; Söhne')
    expect(plain.body.html).not.toContain('<img')
    await saveLogo(t.db, { type: 'image/png', hash: 'abc123', data: 'iVBORw0KGgo=' })
    const logo = await call('POST', '/customer/invitation/de/test', {})
    expect(logo.status).toBe(200)
    expect(sent[0]!.html).toContain(
      '<img src="http://localhost:8787/brand/logo-abc123.png" alt="Müller &amp; Söhne"',
    )
    // An SVG logo does not show in Gmail or Outlook: the name stands in for it.
    await saveLogo(t.db, { type: 'image/svg+xml', hash: 'def456', data: 'PHN2Zy8+' })
    const svg = await call('POST', '/customer/invitation/de/preview', {})
    expect(svg.body.html).not.toContain('<img')
  })

  test('preview.html serves the email for a sandboxed frame, a draft from its address', async () => {
    const t = await makeTestApp()
    const cookie = await signedInAs(t.app, t.store, 'admin')
    const draft = { subject: 'S {wave}', body: 'Corps du message für {contact}', button: 'Öffnen' }
    const encoded = Buffer.from(JSON.stringify(draft)).toString('base64url')
    const res = await t.app.request(
      `/api/messages/customer/alert/fr/preview.html?draft=${encoded}`,
      {
        headers: { Cookie: cookie },
      },
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^sandbox; default-src 'none'/)
    const html = await res.text()
    expect(html).toContain('Corps du message für Alex Morgan &lt;alex.morgan@example.com&gt;')
    expect(html).toContain('<html lang="fr"')
    const bad = await t.app.request('/api/messages/customer/alert/fr/preview.html?draft=%%%', {
      headers: { Cookie: cookie },
    })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as Body).error!.message).toMatch(/draft: must be the base64url JSON/)
  })
})

describe('the alert settings and the Messages page edit one English acknowledgement', () => {
  test('an edit in either shows in the other; a reset in either resets both', async () => {
    const t = await makeTestApp()
    const cookie = await signedInAs(t.app, t.store, 'admin')
    const headers = {
      Cookie: cookie,
      Origin: 'http://localhost:8787',
      'Content-Type': 'application/json',
    }
    const ackSettings = async () =>
      (
        (await (await t.app.request('/api/alerts/settings', { headers })).json()) as {
          acknowledgements: { audience: string; custom: boolean; subject: string; body: string }[]
        }
      ).acknowledgements[0]!
    const put = await t.app.request('/api/alerts/acknowledgements/customer', {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        subject: 'Sorry, {name}',
        body: 'Dear {name},\n\nWe will call.\n\n{organisation}',
      }),
    })
    expect(put.status).toBe(200)
    const call = await as(t, 'admin')
    const view = await call('GET', '/customer/acknowledgement/en')
    expect(view.body).toMatchObject({
      custom: true,
      template: {
        subject: 'Sorry, {name}',
        greeting: 'Dear {name},',
        greetingNoName: 'Dear customer,',
      },
    })
    const words = view.body.template as Record<string, string>
    await call('PUT', '/customer/acknowledgement/en', { ...words, body: 'We will call today.' })
    expect(await ackSettings()).toMatchObject({
      custom: true,
      subject: 'Sorry, {name}',
      body: 'Dear {name},\n\nWe will call today.',
    })
    const typo = await t.app.request('/api/alerts/acknowledgements/customer', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ subject: 'Hi {nom}', body: 'x' }),
    })
    expect(typo.status).toBe(400)
    expect(((await typo.json()) as Body).error!.message).toContain(
      'subject: unknown placeholder {nom}',
    )
    await call('DELETE', '/customer/acknowledgement/en')
    expect(await ackSettings()).toMatchObject({
      custom: false,
      subject: 'Thank you for telling us: we are on it',
    })
  })
})
