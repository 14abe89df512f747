import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { enqueueInvitations } from '../../../server/db/outbox'
import { invitations, outbox, waves } from '../../../server/db/schema'
import { seedDatabase } from '../../../server/db/seed'
import { createWave } from '../../../server/db/waves'
import { importContacts } from '../../../server/distribution/contacts-import'
import { csvTextBatches } from '../../../server/lib/csv-text-rows'
import { runSchedule } from '../../../server/distribution/scheduled-run'
import { classifyHttpStatus, httpApiMailer } from '../../../server/mail/http-api-mailer'
import type { OutgoingMessage } from '../../../server/mail/mailer'
import { MailError } from '../../../server/mail/mailer'
import { sendOutbox } from '../../../server/distribution/send-outbox'
import {
  classifyBindingError,
  sendEmailBindingMailer,
} from '../../../server/mail/send-email-binding-mailer'
import { openDatabase } from '../../../server/node/open-database'
import { shippedSurveys } from '../../../server/surveys'
import { workerMail, WorkerConfigError } from '../../../server/worker/worker-mail'
import { startEmailApi } from '../../helpers/email-api'

const stops: (() => Promise<void>)[] = []
afterEach(async () => {
  while (stops.length) await stops.pop()!()
})

const message: OutgoingMessage = {
  from: '"Acme Surveys" <surveys@acme.example>',
  to: 'ann@example.com',
  subject: 'How did we do?',
  text: 'Please answer: https://survey.acme.example/s/abc',
  html: '<p>Please answer</p>',
  messageId: '<invitation-0.i123@survey.acme.example>',
  headers: { 'List-Unsubscribe': '<https://survey.acme.example/u/x>', 'X-CSI-Message': 'i' },
}

async function api(respond?: Parameters<typeof startEmailApi>[0]) {
  const server = await startEmailApi(respond)
  stops.push(server.stop)
  return server
}

async function failure(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(MailError)
  return err as MailError
}

describe('HTTPS email API mailer', () => {
  test("Resend: one POST with the bearer key, the idempotency key and Resend's body", async () => {
    const server = await api()
    const mailer = httpApiMailer({ provider: 'resend', url: server.url, apiKey: 're_test' })
    await mailer.send(message)
    expect(server.calls).toHaveLength(1)
    const [call] = server.calls
    expect(call!.headers.authorization).toBe('Bearer re_test')
    expect(call!.headers['idempotency-key']).toBe('invitation-0.i123@survey.acme.example')
    expect(call!.headers['content-type']).toBe('application/json')
    expect(call!.body).toEqual({
      from: message.from,
      to: ['ann@example.com'],
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { ...message.headers, 'Message-ID': message.messageId },
    })
  })

  test('"http": the whole composed message, Message-ID included', async () => {
    const server = await api()
    await httpApiMailer({ provider: 'http', url: server.url }).send(message)
    expect(server.calls[0]!.body).toEqual(message)
    expect(server.calls[0]!.headers.authorization).toBeUndefined()
  })

  test('answers are classified: retry 429/409/5xx, stop on 401/403, bounce other 4xx', async () => {
    expect(
      [200, 400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503].map((s) =>
        s < 300 ? 'ok' : classifyHttpStatus(s),
      ),
    ).toEqual([
      'ok',
      'permanent',
      'unavailable',
      'unavailable',
      'permanent',
      'temporary',
      'temporary',
      'permanent',
      'temporary',
      'temporary',
      'temporary',
      'temporary',
    ])
    const server = await api((_c, n) => [422, 429, 401][n - 1]!)
    const mailer = httpApiMailer({ provider: 'resend', url: server.url, apiKey: 'k' })
    const refused = await failure(mailer.send(message))
    expect(refused.failure).toBe('permanent')
    expect(refused.message).toMatch(/answered 422: \{"message":"status 422"\}/)
    expect((await failure(mailer.send(message))).failure).toBe('temporary')
    expect((await failure(mailer.send(message))).failure).toBe('unavailable')
  })

  test('no answer at all is a temporary failure naming the host', async () => {
    const server = await api()
    await server.stop()
    stops.pop()
    const err = await failure(httpApiMailer({ provider: 'http', url: server.url }).send(message))
    expect(err.failure).toBe('temporary')
    expect(err.message).toContain(new URL(server.url).host)
  })

  test('a 503 then a retry: the same idempotency key both times, one message sent, one row sent', async () => {
    const store = openDatabase(':memory:')
    await seedDatabase(store, { surveys: shippedSurveys })
    const { wave } = await createWave(store.db, { name: 'Q3', surveyId: 'customer' })
    await importContacts(store, wave, csvTextBatches('email,name\nann@example.com,Ann\n'))
    await enqueueInvitations(store, wave.id, 'survey.acme.example', new Date())
    const server = await api((_c, n) => (n === 1 ? 503 : 200))
    const options = {
      mailer: httpApiMailer({ provider: 'resend', url: server.url, apiKey: 'k' }),
      from: message.from,
      organisation: 'Acme',
      publicUrl: 'https://survey.acme.example',
      secret: 'test-secret-test-secret-test-secret-0123',
      retryBaseMs: 20,
      waitForRetriesMs: 5_000,
    }
    const totals = await sendOutbox(store, options)
    expect(totals.sent).toBe(1)
    expect(server.calls).toHaveLength(2)
    const keys = server.calls.map((c) => c.headers['idempotency-key'])
    expect(keys[0]).toBe(keys[1])
    expect(keys[0]).toMatch(/^invitation-0\.i_?[\w-]+@survey\.acme\.example$/)
    const rows = await store.db.select().from(outbox).where(eq(outbox.waveId, wave.id))
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['sent', 1]])
    const [inv] = await store.db.select().from(invitations).where(eq(invitations.waveId, wave.id))
    expect(inv!.messagesSent).toBe(1)
    store.close()
  })
})

describe('send_email binding mailer', () => {
  test('sends the structured form: From split into name and address, our Message-ID as an X- header', async () => {
    const sent: unknown[] = []
    await sendEmailBindingMailer({ send: async (m) => void sent.push(m) }).send(message)
    expect(sent).toEqual([
      {
        from: { name: 'Acme Surveys', email: 'surveys@acme.example' },
        to: 'ann@example.com',
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { ...message.headers, 'X-CSI-Message-ID': message.messageId },
      },
    ])
  })

  test('Cloudflare error codes become retry, bounce or stop', async () => {
    expect(classifyBindingError('E_RATE_LIMIT_EXCEEDED: too many')).toBe('temporary')
    expect(classifyBindingError('E_INTERNAL_SERVER_ERROR')).toBe('temporary')
    expect(classifyBindingError('E_SENDER_NOT_VERIFIED: sender domain')).toBe('unavailable')
    expect(classifyBindingError('E_HEADER_NOT_ALLOWED: Foo')).toBe('unavailable')
    expect(classifyBindingError('email to bob@example.com not allowed')).toBe('permanent')
    const mailer = sendEmailBindingMailer({
      send: async () => {
        throw new Error('E_RECIPIENT_SUPPRESSED: bob@example.com')
      },
    })
    expect((await failure(mailer.send(message))).failure).toBe('permanent')
  })
})

describe('Worker email configuration', () => {
  const binding = { send: async () => {} }
  test('picks the provider from the variables, the binding by default', () => {
    const url = 'https://survey.acme.example'
    expect(workerMail({}, url)).toBeNull()
    expect(workerMail({ EMAIL: binding }, url)!.mailer.description).toBe(
      'Cloudflare send_email binding',
    )
    expect(workerMail({ EMAIL: binding, EMAIL_API_KEY: 'k' }, url)!.mailer.description).toBe(
      'resend https://api.resend.com/emails',
    )
    const http = workerMail(
      {
        EMAIL_PROVIDER: 'http',
        EMAIL_API_URL: 'http://127.0.0.1:9/send',
        MAIL_FROM: 'Acme <a@acme.example>',
      },
      url,
    )!
    expect(http.mailer.description).toBe('http http://127.0.0.1:9/send')
    expect([http.from, http.organisation]).toEqual(['"Acme" <a@acme.example>', 'Acme'])
    expect(workerMail({ EMAIL: binding }, url)!.from).toBe(
      '"CSI Toolkit" <surveys@survey.acme.example>',
    )
  })

  test('a mis-set variable is named', () => {
    const url = 'https://survey.acme.example'
    expect(() => workerMail({ EMAIL_PROVIDER: 'sendgrid' }, url)).toThrow(
      /EMAIL_PROVIDER: "sendgrid" is not one of cloudflare, resend, http/,
    )
    expect(() => workerMail({ EMAIL_PROVIDER: 'cloudflare' }, url)).toThrow(WorkerConfigError)
    expect(() => workerMail({ EMAIL_PROVIDER: 'resend' }, url)).toThrow(/EMAIL_API_KEY/)
    expect(() => workerMail({ EMAIL_PROVIDER: 'http' }, url)).toThrow(/EMAIL_API_URL/)
  })
})

describe('the scheduled run (cron on Workers, timer on Node)', () => {
  test('closes due waves, cancels their unsent invitations, queues due reminders once, starts sending', async () => {
    const store = openDatabase(':memory:')
    await seedDatabase(store, { surveys: shippedSurveys })
    const day = 86_400_000
    const now = new Date('2026-11-20T09:00:00Z')
    const make = async (name: string, input: { closesAt?: Date; maxReminders?: number }) => {
      const { wave } = await createWave(store.db, {
        name,
        surveyId: 'customer',
        remindAfterDays: 3,
        ...input,
      })
      await importContacts(
        store,
        wave,
        csvTextBatches('email\na@example.com\nb@example.com\nc@example.com\n'),
      )
      await enqueueInvitations(store, wave.id, 'h', new Date(now.getTime() - 10 * day))
      return wave
    }
    const ending = await make('Ending', { closesAt: new Date(now.getTime() - 60_000) })
    const running = await make('Running', {})
    const quiet = await make('No reminders', { maxReminders: 0 })
    // In "Running" and "No reminders": a was emailed 4 days ago, b yesterday, c responded.
    for (const w of [running, quiet]) {
      const rows = await store.db.select().from(invitations).where(eq(invitations.waveId, w.id))
      const by = Object.fromEntries(rows.map((r) => [r.email, r.id]))
      await store.db.update(outbox).set({ status: 'sent' }).where(eq(outbox.waveId, w.id))
      const sentAt = { a: 4, b: 1, c: 4 } as const
      for (const [who, days] of Object.entries(sentAt))
        await store.db
          .update(invitations)
          .set({
            messagesSent: 1,
            lastSentAt: new Date(now.getTime() - days * day),
            responded: who === 'c',
          })
          .where(eq(invitations.id, by[`${who}@example.com`]!))
    }

    const sent: string[] = []
    const first = await runSchedule(store, { host: 'h', now, send: (w) => sent.push(w) })
    expect(first.closed).toEqual([ending.id])
    const [closed] = await store.db.select().from(waves).where(eq(waves.id, ending.id))
    expect(closed!.closedAt).toEqual(ending.closesAt)
    const endingRows = await store.db.select().from(outbox).where(eq(outbox.waveId, ending.id))
    expect(endingRows.map((r) => [r.status, r.token, r.lastError])).toEqual(
      Array(3).fill(['cancelled', null, 'wave closed']),
    )
    expect(first.reminders).toEqual([{ waveId: running.id, queued: 1 }])
    const reminders = await store.db
      .select({ email: invitations.email, seq: outbox.seq })
      .from(outbox)
      .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
      .where(eq(outbox.kind, 'reminder'))
    expect(reminders).toEqual([{ email: 'a@example.com', seq: 1 }])
    expect(first.kicked).toEqual([running.id])
    expect(sent).toEqual([running.id])

    const again = await runSchedule(store, { host: 'h', now, send: (w) => sent.push(w) })
    expect(again.closed).toEqual([])
    expect(again.reminders).toEqual([])
    // The reminder is still pending (nobody sent it), so the wave is kicked again.
    expect(again.kicked).toEqual([running.id])
    expect(await store.db.select().from(outbox).where(eq(outbox.kind, 'reminder'))).toHaveLength(1)
    store.close()
  })
})
