import { eq, sql } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { saveMessageTemplate } from '../../../server/db/message-templates'
import { enqueueInvitations } from '../../../server/db/outbox'
import { invitations, surveyVersions } from '../../../server/db/schema'
import { createWave } from '../../../server/db/waves'
import { importContacts } from '../../../server/distribution/contacts-import'
import { sendOutbox } from '../../../server/distribution/send-outbox'
import { languagePacks } from '../../../server/messages/defaults'
import { smtpMailer } from '../../../server/node/mailers'
import { makeTestApp } from '../../helpers/app'
import { rawHeader, startSmtpServer } from '../../helpers/smtp'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop()
})

async function* rowsOf(csv: string) {
  yield csv.split('\n').map((l) => l.split(','))
}

async function sendWave(languages: Record<string, string | null>, surveyLocale?: string) {
  const t = await makeTestApp()
  const smtp = await startSmtpServer()
  stops.push(smtp.stop)
  if (surveyLocale)
    await t.db
      .update(surveyVersions)
      .set({ definition: sql`json_set(${surveyVersions.definition}, '$.locale', ${surveyLocale})` })
      .where(eq(surveyVersions.surveyId, 'customer'))
  const { wave } = await createWave(t.db, {
    surveyId: 'customer',
    name: 'Kundenbefragung Q4',
    closesAt: new Date('2026-12-11T12:00:00Z'),
  })
  const emails = Object.keys(languages)
  await importContacts(
    t.store,
    wave,
    rowsOf(['email,name', ...emails.map((e) => `${e},Eva Schmidt`)].join('\n')),
  )
  // The contact file's language column (validated against the survey's languages on import).
  for (const [email, language] of Object.entries(languages))
    await t.db.update(invitations).set({ language }).where(eq(invitations.email, email))
  return { t, smtp, wave }
}

async function send(t: Awaited<ReturnType<typeof makeTestApp>>, url: string, waveId: string) {
  const mailer = smtpMailer(url)
  stops.push(() => mailer.close())
  await enqueueInvitations(t.store, waveId, 'csi.example.com', new Date('2026-12-01T09:00:00Z'))
  return sendOutbox(t.store, {
    mailer,
    publicUrl: 'https://csi.example.com',
    from: '"Acme GmbH" <umfragen@acme.example>',
    organisation: 'Acme GmbH',
    secret: 'test-secret-test-secret-test-secret-0123',
    waveId,
    now: () => new Date('2026-12-01T09:00:00Z'),
  })
}

describe(
  'messages in the contact’s language, through a real SMTP server',
  { timeout: 60_000 },
  () => {
    test('a German contact gets a German invitation: subject, date format, unsubscribe headers', async () => {
      const { t, smtp, wave } = await sendWave({ 'eva@example.de': 'de', 'sam@example.com': null })
      const totals = await send(t, smtp.url, wave.id)
      expect(totals.sent).toBe(2)
      const eva = smtp.received.find((m) => m.to === 'eva@example.de')!
      const sam = smtp.received.find((m) => m.to === 'sam@example.com')!
      expect(eva.subject).toBe('Wie zufrieden sind Sie mit uns? Eine kurze Umfrage von Acme GmbH')
      expect(eva.text).toContain('Guten Tag Eva Schmidt,')
      expect(eva.text.replace(/\s+/g, ' ')).toContain(
        'Bitte antworten Sie bis Freitag, 11. Dezember 2026.',
      )
      expect(eva.html).toContain('<html lang="de"')
      expect(eva.html).toContain(
        'Bitte antworten Sie bis <strong>Freitag, 11. Dezember 2026</strong>.',
      )
      expect(eva.text).toContain(languagePacks.de.chrome.unsubscribeText)
      // RFC 8058 one-click unsubscribe, as for every invitation.
      const unsubscribe = rawHeader(eva, 'List-Unsubscribe')
      expect(unsubscribe).toMatch(/^<https:\/\/csi\.example\.com\/u\/[^>]+>$/)
      expect(rawHeader(eva, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
      expect(eva.text).toContain(unsubscribe!.slice(1, -1))
      // No language on the contact and an English survey: English, British date.
      expect(sam.subject).toBe('How are we doing? A 3-minute survey from Acme GmbH')
      expect(sam.text.replace(/\s+/g, ' ')).toContain('Please answer by Friday 11 December 2026.')
    })

    test("without a contact language the survey's own language is used; an owner's edit wins", async () => {
      const { t, smtp, wave } = await sendWave(
        { 'ana@example.es': 'es', 'luc@example.fr': null },
        'fr',
      )
      await saveMessageTemplate(
        t.db,
        { audience: 'customer', kind: 'invitation', language: 'es' },
        {
          ...languagePacks.es.templates.customer.invitation!,
          subject: 'Su opinión cuenta, {name}: responda antes del {closeDate}',
        },
      )
      await send(t, smtp.url, wave.id)
      const ana = smtp.received.find((m) => m.to === 'ana@example.es')!
      const luc = smtp.received.find((m) => m.to === 'luc@example.fr')!
      expect(ana.subject).toBe(
        'Su opinión cuenta, Eva Schmidt: responda antes del viernes, 11 de diciembre de 2026',
      )
      expect(luc.subject).toBe('Acme GmbH aimerait connaître votre avis (enquête de 3 minutes)')
      expect(luc.text.replace(/\s+/g, ' ')).toContain('vendredi 11 décembre 2026')
    })
  },
)
