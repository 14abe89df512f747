import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { enqueueInvitations } from '../../../server/db/outbox'
import { invitations, outbox } from '../../../server/db/schema'
import { upsertSurvey } from '../../../server/db/surveys'
import { createWave } from '../../../server/db/waves'
import { importContacts } from '../../../server/distribution/contacts-import'
import { ImportRefused } from '../../../server/db/staging'
import { shippedSurveys } from '../../../server/surveys'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { signedInAs } from '../../helpers/session'

const shell = `<!doctype html><html lang="en"><head><title>Your feedback</title></head><body>
<!--survey-data--></body></html>`
const asset = async (path: string) => (path === '/respond.html' ? new Response(shell) : null)
const inlineData = (page: string) =>
  JSON.parse(/<script type="application\/json" id="survey-data">(.*?)<\/script>/s.exec(page)![1]!)

async function* rows(lines: string[][]) {
  yield lines
}

/** The shipped customer survey with its title in German and French too. */
async function trilingualWave() {
  const t = await makeTestApp({ asset })
  const customer = shippedSurveys.find((s) => s.id === 'customer')!
  const definition = {
    ...customer.definition,
    title: { default: 'Customer survey', de: 'Kundenumfrage', fr: 'Enquête client' },
  }
  await upsertSurvey(t.store, { id: 'tri', audience: 'customer', title: 'Tri', definition })
  const { wave } = await createWave(t.db, { surveyId: 'tri', name: 'Europe' })
  return { ...t, wave }
}

async function linksOf(t: Awaited<ReturnType<typeof trilingualWave>>) {
  await enqueueInvitations(t.store, t.wave.id, 'test.example', new Date())
  const tokens = await t.db
    .select({ email: invitations.email, token: outbox.token, language: invitations.language })
    .from(outbox)
    .innerJoin(invitations, eq(invitations.id, outbox.invitationId))
    .where(eq(invitations.waveId, t.wave.id))
  const cookies: Record<string, string> = {}
  for (const r of tokens) {
    const res = await t.app.request(`/s/${r.token}`)
    cookies[r.email] = res.headers.get('set-cookie')!.split(';')[0]!
  }
  return { tokens, cookies }
}

describe('a contact file’s language column', () => {
  test('is stored canonical, opens the survey in that language, and is kept per response', async () => {
    const t = await trilingualWave()
    await importContacts(
      t.store,
      t.wave,
      rows([
        ['email', 'name', 'language'],
        ['anna@example.com', 'Anna', 'DE-at'],
        ['luc@example.com', 'Luc', 'fr'],
        ['sam@example.com', 'Sam', ''],
      ]),
    )
    const { tokens, cookies } = await linksOf(t)
    expect(Object.fromEntries(tokens.map((r) => [r.email, r.language]))).toEqual({
      'anna@example.com': 'de-AT',
      'luc@example.com': 'fr',
      'sam@example.com': null,
    })
    const page = async (email: string, acceptLanguage = 'fr, en;q=0.5') => {
      const res = await t.app.request('/s/', {
        headers: { cookie: cookies[email]!, 'accept-language': acceptLanguage },
      })
      expect(res.status).toBe(200)
      return res.text()
    }
    // The contact's language beats the browser's; without one the browser's is taken.
    const anna = await page('anna@example.com')
    expect(anna).toContain('<html lang="de">')
    expect(anna).toContain('<title>Kundenumfrage</title>')
    expect(inlineData(anna)).toMatchObject({ locale: 'de', locales: ['en', 'de', 'fr'] })
    expect(await page('sam@example.com')).toContain('<html lang="fr">')
    expect(await page('sam@example.com', 'ja')).toContain('<html lang="en">')

    const submit = (email: string, body: Record<string, unknown>) =>
      t.app.request('/api/respond/responses', {
        method: 'POST',
        headers: { cookie: cookies[email]!, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    // A language the survey is not written in is refused by name, and nothing is stored.
    const refused = await submit('anna@example.com', {
      ...submission(makeCustomerAnswers()),
      language: 'ja',
    })
    expect(refused.status).toBe(400)
    const error = (await refused.json()).error
    expect(error.issues).toEqual([
      { path: 'language', message: '"ja" is not one of this survey\'s languages (en, de, fr)' },
    ])
    // Anna switched to French on the page: the language answered in is what is kept.
    const answered = (email: string, language: string | undefined, overall: number) =>
      submit(email, { ...submission(makeCustomerAnswers({ overall })), language })
    expect((await answered('anna@example.com', 'fr', 2)).status).toBe(201)
    expect((await answered('luc@example.com', undefined, 4)).status).toBe(201)
    expect((await answered('sam@example.com', 'de-CH', 5)).status).toBe(201)

    const admin = await signedInAs(t.app, t.store, 'admin')
    const csv = await (
      await t.app.request(`/api/waves/${t.wave.id}/responses.csv`, { headers: { cookie: admin } })
    ).text()
    const [header, ...lines] = csv.trim().split(/\r?\n/)
    const column = header!.split(',').indexOf('language')
    expect(column).toBeGreaterThan(-1)
    expect(lines.map((l) => l.split(',')[column]).sort()).toEqual(['de', 'fr', 'fr'])

    const report = await (
      await t.app.request(`/api/waves/${t.wave.id}/report?by=language`, {
        headers: { cookie: admin },
      })
    ).json()
    const byLanguage = report.groups
      .filter((g: { segment: { column: string } | null }) => g.segment?.column === 'language')
      .map((g: { segment: { value: string }; n: number; csi: unknown }) => [g.segment.value, g.n])
      .sort()
    expect(byLanguage).toEqual([
      ['de', 1],
      ['fr', 2],
    ])
  })

  test('a value that is not a language tag refuses the whole file, naming row and column', async () => {
    const t = await trilingualWave()
    const attempt = importContacts(
      t.store,
      t.wave,
      rows([
        ['email', 'language'],
        ['ok@example.com', 'es'],
        ['bad@example.com', 'German!'],
      ]),
    )
    await expect(attempt).rejects.toBeInstanceOf(ImportRefused)
    const refused = (await attempt.catch((e: ImportRefused) => e)) as ImportRefused
    expect(JSON.stringify(refused)).toContain(
      'language: \\"German!\\" is not a BCP 47 language tag',
    )
    expect(await t.db.select().from(invitations)).toEqual([])
  })
})
