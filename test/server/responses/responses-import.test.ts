import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { responses } from '../../../server/db/schema'
import { ImportRefused } from '../../../server/db/staging'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
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
