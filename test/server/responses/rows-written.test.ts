import { describe, expect, test } from 'vitest'
import { aggregateCells, aggregatesFromBlocks, type AggregateSpec } from '../../../reports'
import { loadAggregates } from '../../../server/db/aggregates'
import { alerts as alertsTable } from '../../../server/db/schema'
import { upsertSurvey } from '../../../server/db/surveys'
import { loadWaveSurvey } from '../../../server/db/wave-survey'
import { createWave } from '../../../server/db/waves'
import { json } from '../../api/target'
import { makeCustomerAnswers, submission } from '../../helpers/answers'
import { makeTestApp } from '../../helpers/app'
import { answerGenerator, benchSurvey } from '../../bench/synthetic-survey'

const customer = makeCustomerAnswers({
  importance: { product_quality: 5, delivery_reliability: 4, price_value: 3 },
  region: 'north',
  customer_size: 'small',
})
const bench = answerGenerator(7)()

/**
 * SPEC §6: ≤ 50 rows written per response (D1 bills rows written). Counted with SQLite's
 * total_changes() around one submission: the response, its follow-up alert if any, and its
 * aggregate blocks. Before blocks, the same responses wrote one row per cell: 213 and 692; with
 * the attribute-battery cells for α (issue 19) they now hold 270 and 824 non-zero cells.
 */
describe('rows written per response', () => {
  test.each([
    ['the shipped customer survey', 'customer', customer, 6, 270],
    ['the bench survey (15 attributes, 3 segments)', 'bench', bench, 16, 824],
  ])('%s', async (_name, surveyId, answers, blocks, cells) => {
    const { app, store, db } = await makeTestApp()
    if (surveyId === 'bench')
      await upsertSurvey(store, {
        id: 'bench',
        audience: 'customer',
        title: benchSurvey.title,
        definition: benchSurvey,
      })
    const { wave, openLinkToken } = await createWave(db, { surveyId, name: 'W', openLink: true })
    const changes = () =>
      (store.sqlite.prepare('select total_changes() as n').get() as { n: number }).n
    const written: number[] = []
    for (let i = 0; i < 3; i++) {
      const before = changes()
      const res = await app.request(
        `/api/links/${openLinkToken}/responses`,
        json(submission(answers)),
      )
      expect(res.status, await res.clone().text()).toBe(201)
      written.push(changes() - before)
    }
    const stored = await loadAggregates(db, wave.id)
    expect(stored).toHaveLength(blocks)
    // A low score opens a follow-up alert: one more row.
    const alerts = (await db.select().from(alertsTable)).length / 3
    // The first response creates its blocks, the next ones add to them: the same rows each time.
    expect(written).toEqual(new Array(3).fill(1 + blocks + alerts))
    expect(Math.max(...written)).toBeLessThanOrEqual(50)
    const spec = (await loadWaveSurvey(db, wave.id))!.spec as AggregateSpec
    expect(aggregateCells(aggregatesFromBlocks(stored, spec))).toHaveLength(cells)
  })
})
