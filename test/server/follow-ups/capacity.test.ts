import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { alerts, invitations, outbox, waves } from '../../../server/db/schema'
import { importContacts } from '../../../server/distribution/contacts-import'
import { enqueueInvitations } from '../../../server/db/outbox'
import { createWave } from '../../../server/db/waves'
import { sendOutbox } from '../../../server/distribution/send-outbox'
import { checkWaveAlerts } from '../../../server/follow-ups/check-alerts'
import { languagePacks } from '../../../server/messages/defaults'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>

const low = () =>
  makeCustomerAnswers({
    overall: 1,
    rebuy: 5,
    attributes: { product_quality: 4, delivery_reliability: 4, complaint_handling: 3 },
  })

async function* rowsOf(csv: string) {
  yield csv
    .trim()
    .split('\n')
    .map((l) => l.split(','))
}

/** A customer wave with invited contacts (`email,name,owner` rows), and each one's link token. */
async function invitedWave(t: App, contacts: string[][], ownerEmail: string | null = null) {
  const { wave } = await createWave(t.db, { surveyId: 'customer', name: 'Q4', ownerEmail })
  const csv = ['email,name,owner', ...contacts.map((c) => c.join(','))].join('\n')
  await importContacts(t.store, wave, rowsOf(csv))
  await enqueueInvitations(t.store, wave.id, 'localhost', new Date())
  const rows = await t.db.select().from(outbox).where(eq(outbox.waveId, wave.id))
  const tokenOf = async (email: string) => {
    const [inv] = await t.db.select().from(invitations).where(eq(invitations.email, email))
    return rows.find((r) => r.invitationId === inv!.id)!.token!
  }
  return { wave, tokenOf }
}

const submit = (t: App, token: string) =>
  t.app.request(`/api/links/${token}/responses`, json(submission(low())))

function memoryMailer() {
  const sent: { to: string; subject: string; text: string }[] = []
  return {
    sent,
    mailer: {
      description: 'memory',
      send: async (m: { to: string; subject: string; text: string }) => void sent.push(m),
      close: async () => {},
    },
  }
}

async function putSettings(t: App, body: unknown) {
  const cookie = await signedInAs(t.app, t.store, 'admin')
  return t.app.request('/api/alerts/settings', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, Origin: t.config.publicUrl },
    body: JSON.stringify(body),
  })
}

const followUpsOf = async (t: App, waveId: string) =>
  (await t.db.select().from(outbox).where(eq(outbox.waveId, waveId)))
    .filter((m) => m.alertId)
    .map((m) => [m.kind, m.toEmail ?? 'invitee'])
    .sort()

describe('an acknowledgement promises a contact only when someone owns the follow-up', () => {
  test('no owner anywhere: the invitee gets the thank-you that promises nothing', async () => {
    const t = await makeTestApp()
    const { wave, tokenOf } = await invitedWave(t, [['lou@example.com', 'Lou', '']])
    const { sent, mailer } = memoryMailer()
    const send = () =>
      sendOutbox(t.store, {
        mailer,
        publicUrl: 'http://localhost:8787',
        from: 'Acme <s@acme.example>',
        organisation: 'Acme',
        secret: 'x'.repeat(32),
        waveId: wave.id,
      })
    await send()
    sent.length = 0
    expect((await submit(t, await tokenOf('lou@example.com'))).status).toBe(201)
    const [alert] = await t.db.select().from(alerts)
    expect(alert).toMatchObject({ ownerEmail: null, contactEmail: 'lou@example.com' })
    expect(await followUpsOf(t, wave.id)).toEqual([['thanks', 'invitee']])
    await send()
    expect(sent).toHaveLength(1)
    const thanks = languagePacks.en.templates.customer.thanks!
    expect(sent[0]).toMatchObject({ to: 'lou@example.com', subject: thanks.subject })
    expect(sent[0]!.text).toContain('Dear Lou,')
    expect(sent[0]!.text.replace(/\s+/g, ' ')).toContain(
      'your answers go to the people who decide what we improve',
    )
    expect(sent[0]!.text).not.toMatch(/contact you|in touch/)
  })

  test("the wave's owner, or the contact's own: the acknowledgement and the owner's email", async () => {
    const t = await makeTestApp()
    const { wave, tokenOf } = await invitedWave(
      t,
      [
        ['own@example.com', 'Own', 'am@acme.example'],
        ['wave@example.com', 'Wave', ''],
      ],
      'head@acme.example',
    )
    await submit(t, await tokenOf('own@example.com'))
    await submit(t, await tokenOf('wave@example.com'))
    expect(await followUpsOf(t, wave.id)).toEqual([
      ['acknowledgement', 'invitee'],
      ['acknowledgement', 'invitee'],
      ['alert', 'am@acme.example'],
      ['alert', 'head@acme.example'],
    ])
  })

  test('the thank-you is shipped in every language without a promise, and editable', async () => {
    const promise = /contact|in touch|meldet sich|contactera|en contacto/i
    for (const lang of ['en', 'de', 'fr', 'es'] as const)
      for (const audience of ['customer', 'wholesaler', 'retailer'] as const) {
        const thanks = languagePacks[lang].templates[audience].thanks!
        const ack = languagePacks[lang].templates[audience].acknowledgement!
        expect(thanks.body, `${lang} ${audience}`).not.toMatch(promise)
        expect(ack.body, `${lang} ${audience}`).toMatch(promise)
        expect(thanks.body).toContain('{organisation}')
      }
    const t = await makeTestApp()
    const cookie = await signedInAs(t.app, t.store, 'admin')
    const headers = { Cookie: cookie, Origin: 'http://localhost:8787' }
    const words = {
      subject: 'Merci, {name}',
      greeting: 'Bonjour {name},',
      greetingNoName: 'Bonjour,',
      body: 'Merci pour vos réponses.\n\n{organisation}',
    }
    const put = await t.app.request('/api/messages/customer/thanks/fr', {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(words),
    })
    expect(put.status, await put.clone().text()).toBe(200)
    const preview = await t.app.request('/api/messages/customer/thanks/fr/preview', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect(preview.status).toBe(200)
    const body = (await preview.json()) as { subject: string; text: string }
    expect(body.subject).toBe('Merci, Alex Morgan')
    expect(body.text).toContain('Merci pour vos réponses.')
    const list = (await (await t.app.request('/api/messages', { headers })).json()) as {
      edits: { kind: string }[]
    }
    expect(list.edits).toEqual([{ audience: 'customer', kind: 'thanks', language: 'fr' }])
  })
})

describe('imports open alerts under the same defaults', () => {
  test('an invitee keyed in opens one; an anonymous paper form under the defaults does not', async () => {
    const t = await makeTestApp()
    const { wave } = await invitedWave(t, [['lou@example.com', 'Lou', 'am@acme.example']])
    const { importResponses } = await import('../../../server/responses/responses-import')
    const { loadWaveSurvey } = await import('../../../server/db/wave-survey')
    const loaded = (await loadWaveSurvey(t.db, wave.id))!
    const csv = 'respondent,overall,rebuy\nlou@example.com,1,3\nP-0001,1,1\nP-0002,4,4\n'
    const result = await importResponses(t.store, loaded, rowsOf(csv), {
      importKey: 'k1',
      mode: 'postal',
      alerts: { host: 'localhost' },
    })
    expect(result.alerts).toBe(1)
    const opened = await t.db.select().from(alerts)
    expect(opened.map((a) => [a.contactEmail, a.ownerEmail, a.reasons])).toEqual([
      ['lou@example.com', 'am@acme.example', ['overall:1']],
    ])
  })
})

describe('round-robin assignment to a team', () => {
  test('concurrent submissions without an owner go to each member in turn, once each', async () => {
    const t = await makeTestApp()
    const team = ['Ann@acme.example', 'bob@acme.example', 'cat@acme.example']
    const saved = await putSettings(t, { overdueDays: 3, team })
    expect(saved.status, await saved.clone().text()).toBe(200)
    expect(await saved.json()).toEqual({
      overdueDays: 3,
      team: ['ann@acme.example', 'bob@acme.example', 'cat@acme.example'],
      delivery: 'each',
      digestHour: 7,
    })
    const emails = Array.from({ length: 7 }, (_, i) => `c${i}@example.com`)
    const { wave, tokenOf } = await invitedWave(t, [
      ...emails.map((e) => [e, '', '']),
      ['owned@example.com', '', 'am@acme.example'],
    ])
    const tokens = await Promise.all([...emails, 'owned@example.com'].map(tokenOf))
    const statuses = await Promise.all(tokens.map(async (tk) => (await submit(t, tk)).status))
    expect(statuses).toEqual(tokens.map(() => 201))
    const owners = (await t.db.select().from(alerts)).map((a) => a.ownerEmail)
    const perOwner = (o: string) => owners.filter((x) => x === o).length
    // Seven turns over three people: 3, 2, 2 in order; the contact's own owner takes no turn.
    expect([team[0]!.toLowerCase(), team[1]!, team[2]!].map(perOwner)).toEqual([3, 2, 2])
    expect(perOwner('am@acme.example')).toBe(1)
    const byCreation = (await t.db.select().from(alerts))
      .filter((a) => a.ownerEmail !== 'am@acme.example')
      .sort((a, b) => a.responseId - b.responseId)
      .map((a) => a.ownerEmail)
    expect(byCreation).toEqual([
      'ann@acme.example',
      'bob@acme.example',
      'cat@acme.example',
      'ann@acme.example',
      'bob@acme.example',
      'cat@acme.example',
      'ann@acme.example',
    ])
    // The owner's email goes to whoever was assigned, and the invitee is promised a contact.
    const followUps = await followUpsOf(t, wave.id)
    expect(followUps.filter(([k]) => k === 'alert').map(([, to]) => to)).toEqual([...owners].sort())
    expect(followUps.filter(([k]) => k === 'acknowledgement')).toHaveLength(8)
    expect(followUps.filter(([k]) => k === 'thanks')).toHaveLength(0)
  })

  test('alerts opened by the check (imports) take their turns in response order', async () => {
    const t = await makeTestApp()
    await putSettings(t, { overdueDays: 3, team: ['ann@acme.example', 'bob@acme.example'] })
    const { wave } = await createWave(t.db, { surveyId: 'customer', name: 'Paper' })
    await t.db
      .update(waves)
      .set({ alertRules: [{ field: 'overall', max: 2 }] })
      .where(eq(waves.id, wave.id))
    const { importResponses } = await import('../../../server/responses/responses-import')
    const { loadWaveSurvey } = await import('../../../server/db/wave-survey')
    const loaded = (await loadWaveSurvey(t.db, wave.id))!
    const csv = 'overall,rebuy\n1,3\n5,5\n2,4\n1,1\n'
    await importResponses(t.store, loaded, rowsOf(csv), { importKey: 'k1', mode: 'postal' })
    expect(await checkWaveAlerts(t.store, wave.id, 'localhost')).toEqual({ checked: 4, matched: 3 })
    const owners = (await t.db.select().from(alerts))
      .sort((a, b) => a.responseId - b.responseId)
      .map((a) => a.ownerEmail)
    expect(owners).toEqual(['ann@acme.example', 'bob@acme.example', 'ann@acme.example'])
    // A later alert continues the rotation where the check left it.
    await importResponses(t.store, loaded, rowsOf('overall,rebuy\n1,1\n'), {
      importKey: 'k2',
      mode: 'postal',
    })
    await checkWaveAlerts(t.store, wave.id, 'localhost')
    const last = (await t.db.select().from(alerts)).sort((a, b) => b.responseId - a.responseId)[0]
    expect(last!.ownerEmail).toBe('bob@acme.example')
  })

  test('a team member that is not an email is refused by position; an empty list ends it', async () => {
    const t = await makeTestApp()
    const bad = await putSettings(t, { overdueDays: 3, team: ['ann@acme.example', 'bob'] })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toMatch(/team\.1/)
    expect((await putSettings(t, { overdueDays: 3, team: ['ann@acme.example'] })).status).toBe(200)
    const cleared = await putSettings(t, { overdueDays: 3, team: [] })
    expect(await cleared.json()).toEqual({
      overdueDays: 3,
      team: [],
      delivery: 'each',
      digestHour: 7,
    })
    const { wave, tokenOf } = await invitedWave(t, [['lou@example.com', '', '']])
    await submit(t, await tokenOf('lou@example.com'))
    expect(await followUpsOf(t, wave.id)).toEqual([['thanks', 'invitee']])
  })
})
