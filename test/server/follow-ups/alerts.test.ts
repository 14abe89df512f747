import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { followUp } from '../../../reports'
import type { Store } from '../../../server/db/client'
import { alertNotes, alerts, invitations, outbox, waves } from '../../../server/db/schema'
import { importContacts } from '../../../server/distribution/contacts-import'
import { importResponses } from '../../../server/responses/responses-import'
import { enqueueInvitations } from '../../../server/db/outbox'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { checkWaveAlerts } from '../../../server/follow-ups/check-alerts'
import { optOutInvitation } from '../../../server/db/opt-outs'
import { sendOutbox } from '../../../server/distribution/send-outbox'
import {
  alertReasons,
  alertRulesFor,
  defaultAlertRules,
} from '../../../server/follow-ups/alert-rules'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

type App = Awaited<ReturnType<typeof makeTestApp>>

/** Answers with nothing at 2 or below (makeCustomerAnswers has complaint handling at 2). */
const happy = (patch: Record<string, unknown> = {}) =>
  makeCustomerAnswers({
    overall: 5,
    rebuy: 5,
    attributes: { product_quality: 4, delivery_reliability: 4, complaint_handling: 3 },
    ...patch,
  })

async function* rowsOf(csv: string) {
  yield csv
    .trim()
    .split('\n')
    .map((l) => l.split(','))
}

/** A customer wave with invited contacts (owner column), and each contact's link token. */
async function invitedWave(t: App, contacts: string[][]) {
  const { wave } = await createWave(t.db, { surveyId: 'customer', name: 'Q4' })
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

const submit = (t: App, token: string, data: Record<string, unknown>) =>
  t.app.request(`/api/links/${token}/responses`, json(submission(data)))

const outboxOf = (store: Store, waveId: string) =>
  store.db.select().from(outbox).where(eq(outbox.waveId, waveId))

describe('alertReasons()', () => {
  test.each([
    [{ overall: 2, rebuy: 4, attributes: {}, commented: false }, ['overall:2']],
    [
      { overall: 3, rebuy: 1, attributes: { a: 2, b: 5 }, commented: false },
      ['attribute:a:2', 'rebuy:1'],
    ],
    [{ overall: 3, rebuy: 3, attributes: { a: 3 }, commented: true }, []],
    [{ overall: null, rebuy: null, attributes: { a: null }, commented: false }, []],
  ])('default rules on %j', (r, expected) => {
    const defaults = [
      { field: 'overall', max: 2 },
      { field: 'any_attribute', max: 2 },
      { field: 'rebuy', max: 2 },
    ] as const
    expect(alertReasons(defaults, r).sort()).toEqual([...expected].sort())
  })

  test('the defaults alert on overall or re-buy at 2 or below, never on an attribute alone', () => {
    const low = { overall: 3, rebuy: 3, attributes: { a: 1, b: 2 }, commented: true }
    expect(alertReasons(defaultAlertRules, low)).toEqual([])
    expect(alertReasons(defaultAlertRules, { ...low, overall: 2, rebuy: 1 }).sort()).toEqual([
      'overall:2',
      'rebuy:1',
    ])
  })

  test('the defaults apply only to a contactable respondent; a wave’s own rules always', () => {
    const own = [{ field: 'comment' }] as const
    expect(alertRulesFor(null, true)).toEqual(defaultAlertRules)
    expect(alertRulesFor(null, false)).toEqual([])
    expect(alertRulesFor(own, false)).toEqual(own)
    expect(alertRulesFor([], true)).toEqual([])
  })

  test('a specific attribute, a higher threshold, and a comment', () => {
    const rules = [{ field: 'attribute', key: 'b', max: 3 }, { field: 'comment' }] as const
    expect(
      alertReasons(rules, { overall: 1, rebuy: 1, attributes: { a: 1, b: 3 }, commented: true }),
    ).toEqual(['attribute:b:3', 'comment'])
  })
})

describe('closing the loop on submission', () => {
  test('a low score through an invitation opens one alert, an acknowledgement and an owner email', async () => {
    const t = await makeTestApp()
    const { wave, tokenOf } = await invitedWave(t, [
      ['low@example.com', 'Lou', 'am@acme.example'],
      ['high@example.com', 'Hai', 'am@acme.example'],
    ])
    expect((await submit(t, await tokenOf('low@example.com'), happy({ overall: 1 }))).status).toBe(
      201,
    )
    expect((await submit(t, await tokenOf('high@example.com'), happy())).status).toBe(201)
    const opened = await t.db.select().from(alerts)
    expect(opened).toHaveLength(1)
    expect(opened[0]).toMatchObject({
      waveId: wave.id,
      contactEmail: 'low@example.com',
      contactName: 'Lou',
      ownerEmail: 'am@acme.example',
      status: 'open',
      reasons: ['overall:1'],
    })
    const followUps = (await outboxOf(t.store, wave.id)).filter((m) => m.alertId)
    expect(followUps.map((m) => [m.kind, m.toEmail ?? 'invitee']).sort()).toEqual([
      ['acknowledgement', 'invitee'],
      ['alert', 'am@acme.example'],
    ])
    // The same submission again is a 409 and adds nothing.
    expect((await submit(t, await tokenOf('low@example.com'), happy({ overall: 1 }))).status).toBe(
      409,
    )
    expect(await t.db.select().from(alerts)).toHaveLength(1)
    // Re-checking the wave (crash recovery path) adds nothing either.
    await checkWaveAlerts(t.store, wave.id, 'localhost')
    await checkWaveAlerts(t.store, wave.id, 'localhost')
    expect(await t.db.select().from(alerts)).toHaveLength(1)
    expect((await outboxOf(t.store, wave.id)).filter((m) => m.alertId)).toHaveLength(2)
  })

  test('an invitee who opted out gets no acknowledgement; the owner is still told', async () => {
    const t = await makeTestApp()
    const { wave, tokenOf } = await invitedWave(t, [['out@example.com', 'Otto', 'am@acme.example']])
    const token = await tokenOf('out@example.com')
    // The invitation itself goes out first (the sender would otherwise cancel nothing here).
    const sent: { to: string; subject: string }[] = []
    const mailer = {
      description: 'memory',
      send: async (m: { to: string; subject: string }) => void sent.push(m),
      close: async () => {},
    }
    const options = {
      mailer,
      publicUrl: 'http://localhost:8787',
      from: 'Acme <s@acme.example>',
      organisation: 'Acme',
      secret: 'x'.repeat(32),
      waveId: wave.id,
    }
    await sendOutbox(t.store, options)
    expect((await submit(t, token, happy({ overall: 1 }))).status).toBe(201)
    const [inv] = await t.db
      .select()
      .from(invitations)
      .where(eq(invitations.email, 'out@example.com'))
    await optOutInvitation(t.db, inv!.id)
    const totals = await sendOutbox(t.store, options)
    expect(totals).toMatchObject({ sent: 1, cancelled: 1 })
    expect(sent.map((m) => m.to)).toEqual(['out@example.com', 'am@acme.example'])
    const ack = (await outboxOf(t.store, wave.id)).find((m) => m.kind === 'acknowledgement')!
    expect(ack).toMatchObject({ status: 'cancelled', lastError: 'opted out' })
  })

  test('an open-link response opens nothing under the default rules: nobody can be contacted', async () => {
    const t = await makeTestApp()
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'customer',
      name: 'Open',
      openLink: true,
      ownerEmail: 'head@acme.example',
    })
    const res = await submit(t, openLinkToken!, happy({ overall: 1, rebuy: 1 }))
    expect(res.status).toBe(201)
    expect(await t.db.select().from(alerts)).toHaveLength(0)
    expect(await outboxOf(t.store, wave.id)).toHaveLength(0)
  })

  test('with rules of its own, an open-link response gets an alert for the wave owner but no acknowledgement', async () => {
    const t = await makeTestApp()
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'customer',
      name: 'Open',
      openLink: true,
    })
    const admin = await signedInAs(t.app, t.store, 'admin')
    const put = await t.app.request(`/api/waves/${wave.id}/alert-rules`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Cookie: admin, Origin: t.config.publicUrl },
      body: JSON.stringify({
        rules: [{ field: 'rebuy', max: 2 }],
        ownerEmail: 'Head@Acme.example',
      }),
    })
    expect(put.status, await put.clone().text()).toBe(200)
    expect((await submit(t, openLinkToken!, happy({ rebuy: 2 }))).status).toBe(201)
    const [alert] = await t.db.select().from(alerts)
    expect(alert).toMatchObject({
      ownerEmail: 'head@acme.example',
      contactEmail: null,
      reasons: ['rebuy:2'],
    })
    expect((await outboxOf(t.store, wave.id)).map((m) => m.kind)).toEqual(['alert'])
  })

  test('rules can be changed or turned off; unknown attributes are refused by name', async () => {
    const t = await makeTestApp()
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'customer',
      name: 'Open',
      openLink: true,
    })
    const manager = await signedInAs(t.app, t.store, 'manager')
    const put = (body: unknown) =>
      t.app.request(`/api/waves/${wave.id}/alert-rules`, {
        method: 'PUT',
        headers: {
          'Content-Type': 'application/json',
          Cookie: manager,
          Origin: t.config.publicUrl,
        },
        body: JSON.stringify(body),
      })
    const bad = await put({ rules: [{ field: 'attribute', key: 'nonsense', max: 2 }] })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.message).toMatch(/"nonsense" is not an attribute/)
    expect((await put({ rules: [{ field: 'overall', max: 6 }] })).status).toBe(400)
    expect(
      (
        await put({
          rules: [
            { field: 'attribute', key: 'delivery_reliability', max: 3 },
            { field: 'comment' },
          ],
        })
      ).status,
    ).toBe(200)
    await submit(t, openLinkToken!, happy({ attributes: { delivery_reliability: 3 } }))
    await submit(t, openLinkToken!, happy({ comments: 'Fine, but call me' }))
    await submit(t, openLinkToken!, happy({ overall: 1 }))
    const reasons = (await t.db.select().from(alerts)).map((a) => a.reasons)
    expect(reasons).toEqual([['attribute:delivery_reliability:3'], ['comment']])
    expect((await put({ rules: [] })).status).toBe(200)
    await submit(t, openLinkToken!, happy({ overall: 1, comments: 'Awful' }))
    expect(await t.db.select().from(alerts)).toHaveLength(2)
  })

  test('employee waves are anonymous: rules are refused and low scores open nothing', async () => {
    const t = await makeTestApp()
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'employee',
      name: 'Staff',
      openLink: true,
    })
    const hr = await signedInAs(t.app, t.store, 'hr')
    for (const method of ['GET', 'PUT']) {
      const res = await t.app.request(`/api/waves/${wave.id}/alert-rules`, {
        method,
        headers: { 'Content-Type': 'application/json', Cookie: hr, Origin: t.config.publicUrl },
        ...(method === 'PUT' && { body: JSON.stringify({ rules: null }) }),
      })
      expect(res.status).toBe(400)
      expect((await res.json()).error.message).toMatch(/employee survey: it is anonymous/)
    }
    const res = await submit(t, openLinkToken!, {
      overall: 1,
      attributes: { delivery_reliability: 1 },
      department: 'sales',
      comments: 'Terrible',
    })
    expect(res.status).toBe(201)
    expect(await t.db.select().from(alerts)).toHaveLength(0)
    expect((await checkWaveAlerts(t.store, wave.id, 'localhost')).checked).toBe(0)
  })

  test('postal imports are checked after they land, once, even if the check runs again', async () => {
    const t = await makeTestApp()
    const { wave } = await createWave(t.db, { surveyId: 'customer', name: 'Paper' })
    // Anonymous paper forms reach nobody under the defaults: this wave asks for alerts itself.
    await t.db
      .update(waves)
      .set({
        alertRules: [
          { field: 'overall', max: 2 },
          { field: 'any_attribute', max: 2 },
        ],
      })
      .where(eq(waves.id, wave.id))
    const loaded = (await loadWaveSurvey(t.db, wave.id))!
    const csv = 'overall,rebuy,delivery_reliability\n1,3,4\n5,5,5\n4,4,2\n'
    await importResponses(t.store, loaded, rowsOf(csv), { importKey: 'k1', mode: 'postal' })
    // A crash here would leave the check undone: the next check catches up, and repeats are no-ops.
    expect(await t.db.select().from(alerts)).toHaveLength(0)
    expect(await checkWaveAlerts(t.store, wave.id, 'localhost')).toEqual({ checked: 3, matched: 2 })
    expect(await checkWaveAlerts(t.store, wave.id, 'localhost')).toEqual({ checked: 0, matched: 0 })
    const reasons = (await t.db.select().from(alerts)).map((a) => a.reasons).sort()
    expect(reasons).toEqual([['attribute:delivery_reliability:2'], ['overall:1']])
  })
})

describe('the follow-up workflow', () => {
  test('status and notes are kept with who and when; the first action is timed once', async () => {
    const t = await makeTestApp()
    const { wave, openLinkToken } = await createWave(t.db, {
      surveyId: 'customer',
      name: 'O',
      openLink: true,
    })
    await t.db
      .update(waves)
      .set({ alertRules: [{ field: 'overall', max: 2 }] })
      .where(eq(waves.id, wave.id))
    await submit(t, openLinkToken!, happy({ overall: 2 }))
    const [alert] = await t.db.select().from(alerts)
    const manager = await signedInAs(t.app, t.store, 'manager')
    const patch = (body: unknown) =>
      t.app.request(`/api/alerts/${alert!.id}`, {
        method: 'PATCH',
        headers: {
          'Content-Type': 'application/json',
          Cookie: manager,
          Origin: t.config.publicUrl,
        },
        body: JSON.stringify(body),
      })
    expect((await patch({})).status).toBe(400)
    expect((await patch({ status: 'closed' })).status).toBe(400)
    const first = await (await patch({ status: 'in_progress', note: 'Called, no answer' })).json()
    expect(first.alert.status).toBe('in_progress')
    const firstAction = first.alert.firstActionAt
    expect(firstAction).toBeTruthy()
    const done = await (await patch({ status: 'resolved', note: 'Replaced the delivery' })).json()
    expect(done.alert).toMatchObject({ status: 'resolved', firstActionAt: firstAction })
    expect(done.alert.resolvedAt).toBeTruthy()
    expect(
      done.notes.map((n: { statusFrom: string; statusTo: string; text: string }) => [
        n.statusFrom,
        n.statusTo,
        n.text,
      ]),
    ).toEqual([
      ['open', 'in_progress', 'Called, no answer'],
      ['in_progress', 'resolved', 'Replaced the delivery'],
    ])
    expect(await t.db.select().from(alertNotes)).toHaveLength(2)
    // The wave's report carries the follow-up figures.
    const report = await (
      await t.app.request(`/api/waves/${alert!.waveId}/report`, { headers: { Cookie: manager } })
    ).json()
    expect(report.waves[0].followUp).toMatchObject({
      alerts: 1,
      resolved: 1,
      shareResolved: 1,
      acted: 1,
    })
    expect(report.waves[0].followUp.medianHoursToFirstAction).toBeGreaterThanOrEqual(0)
    const list = await (
      await t.app.request('/api/alerts?status=resolved', { headers: { Cookie: manager } })
    ).json()
    expect(list.alerts.map((a: { id: string }) => a.id)).toEqual([alert!.id])
    const open = await (
      await t.app.request('/api/alerts?status=open', { headers: { Cookie: manager } })
    ).json()
    expect(open.alerts).toEqual([])
    const hr = await signedInAs(t.app, t.store, 'hr')
    expect(
      (await t.app.request(`/api/alerts/${alert!.id}`, { headers: { Cookie: hr } })).status,
    ).toBe(403)
    expect(
      (await (await t.app.request('/api/alerts', { headers: { Cookie: hr } })).json()).alerts,
    ).toEqual([])
  })
})

describe('followUp()', () => {
  const h = 3_600_000
  test('counts, share resolved and the median hours to first action (hand-worked)', () => {
    // acted after 1 h, 4 h and 2 h → sorted 1, 2, 4 → median 2; one never acted on.
    expect(
      followUp([
        { status: 'resolved', createdAt: 0, firstActionAt: 1 * h },
        { status: 'in_progress', createdAt: 10 * h, firstActionAt: 14 * h },
        { status: 'resolved', createdAt: 5 * h, firstActionAt: 7 * h },
        { status: 'open', createdAt: 0, firstActionAt: null },
      ]),
    ).toEqual({
      alerts: 4,
      open: 1,
      inProgress: 1,
      resolved: 2,
      shareResolved: 0.5,
      medianHoursToFirstAction: 2,
      acted: 3,
    })
    // Even count: the mean of the two middle values, (1 + 3) / 2.
    expect(
      followUp([
        { status: 'open', createdAt: 0, firstActionAt: 3 * h },
        { status: 'open', createdAt: 0, firstActionAt: 1 * h },
      ]).medianHoursToFirstAction,
    ).toBe(2)
    expect(followUp([])).toMatchObject({
      alerts: 0,
      shareResolved: null,
      medianHoursToFirstAction: null,
    })
  })
})
