import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loadAggregates } from '../../../server/db/aggregates'
import type { Store } from '../../../server/db/client'
import { resolveLink } from '../../../server/db/links'
import { enqueueInvitations } from '../../../server/db/outbox'
import { invitations, outbox, responses } from '../../../server/db/schema'
import { createWave, getWave } from '../../../server/db/waves'
import { importContacts } from '../../../server/distribution/contacts-import'
import { openDatabase } from '../../../server/node/open-database'
import { rebuildWaveAggregates } from '../../../server/responses/rebuild-aggregates'
import { importResponses } from '../../../server/responses/responses-import'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { submitResponse } from '../../../server/responses/submit-response'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { csiWithDatabase } from '../../helpers/cli'
import { signedInAs } from '../../helpers/session'

async function* rowsOf(lines: string[]) {
  yield lines.map((l) => l.split(','))
}

/** Contacts a…e with their channel: web (a, b) and phone (c, d, e). */
const channels = { a: 'web', b: 'web', c: 'phone', d: 'phone', e: 'phone' } as const
/** Hand-picked product quality per contact: web 5, 3 → 4; phone 2, 4, 3 → 3. */
const quality = { a: 5, b: 3, c: 2, d: 4, e: 3 } as const
const people = Object.keys(channels) as (keyof typeof channels)[]

const answersOf = (p: keyof typeof quality) =>
  makeCustomerAnswers({
    overall: 4,
    rebuy: 4,
    attributes: { product_quality: quality[p], delivery_reliability: 4, complaint_handling: 3 },
  })

async function tokens(store: Store, waveId: string) {
  await enqueueInvitations(store, waveId, 'localhost', new Date())
  const rows = await store.db
    .select({ email: invitations.email, token: outbox.token })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
    .where(eq(invitations.waveId, waveId))
  return Object.fromEntries(rows.map((r) => [r.email.split('@')[0]!, r.token!]))
}

const sorted = (rows: { group: string; block: number }[]) =>
  [...rows].sort((x, y) => (x.group < y.group ? -1 : x.group > y.group ? 1 : x.block - y.block))

type Group = {
  segment: { column: string; value: string } | null
  n: number
  attributes: any[]
  responseRate?: unknown
  suppressed?: boolean
}
const byValue = (report: { groups: Group[] }, value: string) =>
  report.groups.find((g) => g.segment?.column === 'channel' && g.segment.value === value)!
const qualityOf = (g: Group) => g.attributes.find((a) => a.key === 'product_quality')

function expectChannelGroups(report: { groups: Group[] }) {
  const web = byValue(report, 'web')
  const phone = byValue(report, 'phone')
  expect(web.n).toBe(2)
  expect(qualityOf(web)).toMatchObject({ n: 2, mean: 4 })
  expect(phone.n).toBe(3)
  expect(qualityOf(phone)).toMatchObject({ n: 3, mean: 3 })
}

describe('segments from the contact list are report segments', () => {
  test('GET report?by=channel, report.csv and the wave labels use a contact column', async () => {
    const { app, store } = await makeTestApp()
    const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Q' })
    await importContacts(
      store,
      wave,
      rowsOf(['email,name,channel', ...people.map((p) => `${p}@x.example,${p},${channels[p]}`)]),
    )
    const token = await tokens(store, wave.id)
    for (const p of people) {
      const res = await app.request(
        `/api/links/${token[p]}/responses`,
        json(submission(answersOf(p))),
      )
      expect(res.status, await res.clone().text()).toBe(201)
    }
    const cookie = await signedInAs(app, store, 'manager')
    const res = await app.request(`/api/waves/${wave.id}/report?by=channel`, {
      headers: { Cookie: cookie },
    })
    expect(res.status).toBe(200)
    const report = await res.json()
    expect(report.warnings ?? []).not.toContain('segment column "channel" is not aggregated')
    expectChannelGroups(report)
    expect(byValue(report, 'web').responseRate).toMatchObject({ invited: 2, responded: 2 })

    const csv = await app.request(`/api/waves/${wave.id}/report.csv?by=channel`, {
      headers: { Cookie: cookie },
    })
    expect(csv.status).toBe(200)
    const text = await csv.text()
    expect(text).toContain('channel')
    expect(text).toContain('phone')

    const detail = await (
      await app.request(`/api/waves/${wave.id}`, { headers: { Cookie: cookie } })
    ).json()
    expect(detail.labels.segments).toContainEqual({ key: 'channel', label: 'channel', values: {} })
  })

  test('contacts imported after responses make the column reportable; equal to a rebuild', async () => {
    const { app, store } = await makeTestApp()
    const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Q' })
    await importContacts(
      store,
      wave,
      rowsOf(['email,name', ...people.map((p) => `${p}@x.example,${p}`)]),
    )
    const token = await tokens(store, wave.id)
    for (const p of people.slice(0, 4)) {
      const res = await app.request(
        `/api/links/${token[p]}/responses`,
        json(submission(answersOf(p))),
      )
      expect(res.status).toBe(201)
    }
    // Same people, now with a channel: the answers already in are regrouped.
    await importContacts(
      store,
      wave,
      rowsOf(['email,name,channel', ...people.map((p) => `${p}@x.example,${p},${channels[p]}`)]),
    )
    // e answers after the import, counted as it arrives.
    const last = await app.request(
      `/api/links/${token.e}/responses`,
      json(submission(answersOf('e'))),
    )
    expect(last.status).toBe(201)

    const cookie = await signedInAs(app, store, 'manager')
    const report = await (
      await app.request(`/api/waves/${wave.id}/report?by=channel`, { headers: { Cookie: cookie } })
    ).json()
    expectChannelGroups(report)

    const kept = sorted(await loadAggregates(store.db, wave.id))
    for (const fromAnswers of [true, false]) {
      await rebuildWaveAggregates(store, wave.id, { fromAnswers })
      expect(sorted(await loadAggregates(store.db, wave.id))).toEqual(kept)
    }
    // Stored codes were re-made under the new spec: 5 digits… then [region, size, channel].
    const codes = await store.db.select({ r: responses.ratings }).from(responses)
    for (const { r } of codes) expect(r).toMatch(/\[null,null,"(web|phone)"\]$/)
  })

  test('a paper answer imported for an invitee counts in its contact column', async () => {
    const { app, store } = await makeTestApp()
    const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Q' })
    await importContacts(
      store,
      wave,
      rowsOf(['email,name,channel', ...people.map((p) => `${p}@x.example,${p},${channels[p]}`)]),
    )
    const token = await tokens(store, wave.id)
    for (const p of people.slice(0, 4)) {
      const res = await app.request(
        `/api/links/${token[p]}/responses`,
        json(submission(answersOf(p))),
      )
      expect(res.status).toBe(201)
    }
    // e answers on paper: quality 3 joins phone (2, 4, 3 → 3).
    const loaded = (await loadWaveSurvey(store.db, wave.id))!
    await importResponses(
      store,
      loaded,
      rowsOf(['respondent,overall,rebuy,product_quality', 'e@x.example,4,4,3']),
      { importKey: 'paper', mode: 'postal' },
    )
    const cookie = await signedInAs(app, store, 'manager')
    const report = await (
      await app.request(`/api/waves/${wave.id}/report?by=channel`, { headers: { Cookie: cookie } })
    ).json()
    expectChannelGroups(report)
    const kept = sorted(await loadAggregates(store.db, wave.id))
    await rebuildWaveAggregates(store, wave.id, { fromAnswers: true })
    expect(sorted(await loadAggregates(store.db, wave.id))).toEqual(kept)
  })

  test('csi report --wave --by channel', async () => {
    const csi = csiWithDatabase()
    const id = (await csi('wave', 'create', '--survey', 'customer', '--name', 'Q')).stdout.trim()
    const store = openDatabase(csi.env.DATABASE_PATH)
    const wave = (await getWave(store.db, id))!
    await importContacts(
      store,
      wave,
      rowsOf(['email,name,channel', ...people.map((p) => `${p}@x.example,${p},${channels[p]}`)]),
    )
    const token = await tokens(store, id)
    for (const p of people) {
      const link = await resolveLink(store.db, token[p]!, new Date())
      if (link.state !== 'open') throw new Error(link.state)
      await submitResponse(store, link, {
        data: answersOf(p),
        mode: 'web',
        now: new Date(),
        host: 'localhost',
      })
    }
    store.close()
    const out = await csi('report', '--wave', id, '--by', 'channel', '--format', 'json')
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    expectChannelGroups(JSON.parse(out.stdout))
  })
})

describe('a segment the contact list gives is not asked again', () => {
  test('the link view prefills it; a submission without it stores the contact value', async () => {
    const { app, store } = await makeTestApp()
    const { wave } = await createWave(store.db, { surveyId: 'customer', name: 'Q' })
    await importContacts(
      store,
      wave,
      rowsOf(['email,name,region', 'a@x.example,a,north', 'b@x.example,b,']),
    )
    const token = await tokens(store, wave.id)
    const view = await (await app.request(`/api/links/${token.a}`)).json()
    expect(view.link.prefill).toEqual({ region: 'north' })
    const none = await (await app.request(`/api/links/${token.b}`)).json()
    expect(none.link.prefill).toEqual({})

    const { region: _, ...withoutRegion } = makeCustomerAnswers()
    const res = await app.request(
      `/api/links/${token.a}/responses`,
      json(submission(withoutRegion)),
    )
    expect(res.status, await res.clone().text()).toBe(201)
    const [stored] = await store.db
      .select({ answers: responses.answers, segments: responses.segments })
      .from(responses)
    expect(stored!.segments).toEqual({ region: 'north' })
    expect(stored!.answers.region).toBe('north')
  })
})
