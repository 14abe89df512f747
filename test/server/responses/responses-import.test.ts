import { and, eq, isNotNull } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import type { Store } from '../../../server/db/client'
import { alerts, outbox, responses, waves } from '../../../server/db/schema'
import type { AlertCondition } from '../../../server/db/schema'
import { ImportRefused } from '../../../server/db/staging'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { importContacts } from '../../../server/distribution/contacts-import'
import { checkWaveAlerts } from '../../../server/follow-ups/check-alerts'
import { importResponses } from '../../../server/responses/responses-import'
import { makeTestApp } from '../../helpers/app'

async function* rowsOf(lines: string[][]) {
  yield lines
}

async function postalImport(audience: 'customer' | 'employee', lines: string[][]) {
  const { store } = await makeTestApp()
  const { wave } = await createWave(store.db, { surveyId: audience, name: 'Paper' })
  const loaded = (await loadWaveSurvey(store.db, wave.id))!
  const result = await importResponses(store, loaded, rowsOf(lines), {
    importKey: 'k1',
    mode: 'postal',
  }).catch((err: unknown) => err)
  const keys = await store.db
    .select({ key: responses.submissionKey })
    .from(responses)
    .where(eq(responses.waveId, wave.id))
  return { result, keys: keys.map((k) => k.key) }
}

describe('importResponses(): the respondent column (SPEC §5.3)', () => {
  test('a serial number or another system’s id is kept as an external id', async () => {
    const { result, keys } = await postalImport('customer', [
      ['Respondent', 'Overall', 'rebuy'],
      ['S-0001', '4', '5'],
      ['r17', '3', '3'],
      ['', '2', '2'],
    ])
    expect(result).toMatchObject({ rows: 3, matchedInvitations: 0 })
    expect(keys.sort()).toEqual(['import:k1:2:S-0001', 'import:k1:3:r17', 'import:k1:4'])
  })

  test('an email of nobody invited is refused: it was meant for an invitee', async () => {
    const { result, keys } = await postalImport('customer', [
      ['respondent', 'overall', 'rebuy'],
      ['S-0001', '4', '5'],
      ['ana@example.com', '3', '3'],
    ])
    expect(result).toBeInstanceOf(ImportRefused)
    expect((result as ImportRefused).problems).toEqual([
      {
        row: 3,
        message: 'respondent: "ana@example.com" is not the email of an invitee of this wave',
      },
    ])
    expect(keys).toEqual([])
  })

  test('an employee response keeps no respondent id: it could name the person', async () => {
    const { result, keys } = await postalImport('employee', [
      ['respondent', 'overall'],
      ['E-123', '4'],
    ])
    expect(result).toMatchObject({ rows: 1 })
    expect(keys).toEqual(['import:k1:2'])
  })
})

describe('importResponses() with alerts: low scores open their alerts in the import’s own write', () => {
  // Invitees with an owner (c0 answers low), one external id that is low, one that is fine.
  const lines = [
    ['respondent', 'overall', 'rebuy', 'delivery_reliability', 'comments'],
    ['c0@example.com', '1', '3', '4', ''],
    ['c1@example.com', '5', '5', '5', 'all good'],
    ['S-1', '4', '4', '2', ''],
    ['S-2', '5', '4', '4', ''],
  ]
  async function waveWithInvitees(
    t: Awaited<ReturnType<typeof makeTestApp>>,
    rules: AlertCondition[] | null,
  ) {
    const { wave } = await createWave(t.store.db, {
      surveyId: 'customer',
      name: 'Q',
      ownerEmail: 'lead@acme.example',
    })
    await t.store.db.update(waves).set({ alertRules: rules }).where(eq(waves.id, wave.id))
    await importContacts(
      t.store,
      wave,
      rowsOf([
        ['email', 'name', 'owner'],
        ['c0@example.com', 'Cleo', 'am@acme.example'],
        ['c1@example.com', 'Carl', ''],
      ]),
    )
    return (await loadWaveSurvey(t.store.db, wave.id))!
  }
  /** What a wave's alerts and their queued emails say, without ids that differ per run. */
  async function alertsOf(store: Store, waveId: string) {
    const rows = await store.db
      .select({
        key: responses.submissionKey,
        email: alerts.contactEmail,
        name: alerts.contactName,
        owner: alerts.ownerEmail,
        reasons: alerts.reasons,
        id: alerts.id,
      })
      .from(alerts)
      .innerJoin(responses, eq(responses.id, alerts.responseId))
      .where(eq(alerts.waveId, waveId))
    const mail = await store.db
      .select({
        alert: outbox.alertId,
        kind: outbox.kind,
        to: outbox.toEmail,
        inv: outbox.invitationId,
        id: outbox.messageId,
      })
      .from(outbox)
      .where(and(eq(outbox.waveId, waveId), isNotNull(outbox.alertId)))
    return rows
      .map(({ id, ...a }) => ({
        ...a,
        key: a.key.replace(/^import:k\d:/, ''),
        mail: mail
          .filter((m) => m.alert === id)
          .map((m) => `${m.kind} ${m.to ?? ''}${m.inv ? 'invitee' : ''} ${m.id.replace(id, 'ID')}`)
          .sort(),
      }))
      .sort((a, b) => a.key.localeCompare(b.key))
  }

  /** The same file into two such waves: checked after the import, and opened by the import. */
  async function bothWays(rules: AlertCondition[] | null) {
    const t = await makeTestApp()
    const checked = await waveWithInvitees(t, rules)
    await importResponses(t.store, checked, rowsOf(lines), { importKey: 'k1' })
    const check = await checkWaveAlerts(t.store, checked.wave.id, 'h.example')
    const opened = await waveWithInvitees(t, rules)
    const result = await importResponses(t.store, opened, rowsOf(lines), {
      importKey: 'k2',
      alerts: { host: 'h.example' },
    })
    const recheck = await checkWaveAlerts(t.store, opened.wave.id, 'h.example')
    return {
      check,
      result,
      recheck,
      checkedAlerts: await alertsOf(t.store, checked.wave.id),
      openedAlerts: await alertsOf(t.store, opened.wave.id),
    }
  }

  test('default rules (invitees only): the alerts and emails of the check, which then reads nothing', async () => {
    const r = await bothWays(null)
    expect(r.check).toEqual({ checked: 4, matched: 1 })
    expect(r.result).toMatchObject({ rows: 4, alerts: 1 })
    expect(r.recheck).toEqual({ checked: 0, matched: 0 })
    expect(r.checkedAlerts).toMatchObject([
      {
        key: '2',
        email: 'c0@example.com',
        name: 'Cleo',
        owner: 'am@acme.example',
        reasons: ['overall:1'],
      },
    ])
    expect(r.checkedAlerts[0]!.mail.length).toBeGreaterThan(0)
    expect(r.openedAlerts).toEqual(r.checkedAlerts)
  })

  test('a wave’s own rules apply to every row, as the check applies them', async () => {
    const r = await bothWays([
      { field: 'overall', max: 2 },
      { field: 'any_attribute', max: 2 },
    ])
    expect(r.check).toEqual({ checked: 4, matched: 2 })
    expect(r.result).toMatchObject({ rows: 4, alerts: 2 })
    expect(r.recheck).toEqual({ checked: 0, matched: 0 })
    expect(r.checkedAlerts).toMatchObject([
      { key: '2', email: 'c0@example.com', owner: 'am@acme.example', reasons: ['overall:1'] },
      {
        key: '4:S-1',
        email: null,
        name: null,
        owner: 'lead@acme.example',
        reasons: ['attribute:delivery_reliability:2'],
      },
    ])
    expect(r.checkedAlerts[1]!.mail.length).toBeGreaterThan(0)
    expect(r.openedAlerts).toEqual(r.checkedAlerts)
  })

  test('an older response still waiting for the check keeps the mark: the check reads it, and opens nothing twice', async () => {
    const t = await makeTestApp()
    const loaded = await waveWithInvitees(t, null)
    await importResponses(t.store, loaded, rowsOf(lines.slice(0, 2)), { importKey: 'k1' })
    const result = await importResponses(
      t.store,
      loaded,
      rowsOf([lines[0]!, ['c1@example.com', '2', '4', '4', '']]),
      { importKey: 'k2', alerts: { host: 'h.example' } },
    )
    expect(result).toMatchObject({ rows: 1, alerts: 1 })
    // The first import's low score was never checked: the check reads it and the second
    // import's row again (matching both), and opens only the missing alert.
    expect(await checkWaveAlerts(t.store, loaded.wave.id, 'h.example')).toEqual({
      checked: 2,
      matched: 2,
    })
    expect((await alertsOf(t.store, loaded.wave.id)).map((a) => a.reasons).sort()).toEqual([
      ['overall:1'],
      ['overall:2'],
    ])
  })

  test('an employee wave opens no alerts: its responses name nobody', async () => {
    const t = await makeTestApp()
    const { wave } = await createWave(t.store.db, { surveyId: 'employee', name: 'Staff' })
    const loaded = (await loadWaveSurvey(t.store.db, wave.id))!
    const result = await importResponses(t.store, loaded, rowsOf([['overall'], ['1']]), {
      importKey: 'k1',
      alerts: { host: 'h.example' },
    })
    expect(result).toMatchObject({ rows: 1, alerts: 0 })
    expect(await t.store.db.select().from(alerts)).toEqual([])
  })
})
