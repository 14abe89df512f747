import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { createApiKey } from '../../../server/db/api-keys'
import { webhookDeliveries } from '../../../server/db/schema'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { importResponses } from '../../../server/responses/responses-import'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { invitedWave } from '../../helpers/invited-wave'

async function* rowsOf(csv: string) {
  yield csv
    .trim()
    .split('\n')
    .map((l) => l.split(','))
}

/**
 * The decision pinned here (README, Webhooks): an import is history (paper forms keyed in, a
 * former tool's export), so it posts no `response.submitted`, which would flood a CRM with
 * thousands of old answers; the alerts it opens are new work for owners and post `alert.opened`
 * like any other.
 */
describe('responses imported from a file', () => {
  test('post no response.submitted; a web response to the same wave does; the import’s alerts post alert.opened', async () => {
    const t = await makeTestApp()
    Object.assign(t.config, { webhookAllowPrivate: true })
    const { key } = await createApiKey(t.db, {
      name: 'CRM',
      role: 'admin',
      createdBy: 'test',
      expiresAt: null,
    })
    const created = await t.app.request('/api/webhooks', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        url: 'http://127.0.0.1:9/crm',
        events: ['response.submitted', 'alert.opened'],
      }),
    })
    expect(created.status).toBe(201)

    const wave = await invitedWave(t.store, 'customer', ['lou@example.com', 'max@example.com'])
    const loaded = (await loadWaveSurvey(t.db, wave.id))!
    // Lou, an invitee, keyed in with a low score; two anonymous paper forms.
    const csv = 'respondent,overall,rebuy\nlou@example.com,1,3\nP-0001,4,4\nP-0002,5,5\n'
    const imported = await importResponses(t.store, loaded, rowsOf(csv), {
      importKey: 'paper-batch-1',
      mode: 'postal',
      alerts: { host: 'localhost' },
    })
    expect(imported).toMatchObject({ rows: 3, matchedInvitations: 1, alerts: 1 })
    const events = async () =>
      (await t.db.select().from(webhookDeliveries)).map((d) => [d.event, JSON.parse(d.body).data])
    expect(await events()).toEqual([
      [
        'alert.opened',
        expect.objectContaining({ contact: expect.objectContaining({ email: 'lou@example.com' }) }),
      ],
    ])

    const answered = await t.app.request(
      `/api/links/${wave.invitees['max@example.com']!.token}/responses`,
      json(submission(makeCustomerAnswers({ overall: 4 }))),
    )
    expect(answered.status).toBe(201)
    const submitted = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.event, 'response.submitted'))
    expect(submitted.map((d) => JSON.parse(d.body).data.invitationId)).toEqual([
      wave.invitees['max@example.com']!.id,
    ])
  })
})
