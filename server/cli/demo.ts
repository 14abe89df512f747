import type { Command } from 'commander'
import { loadWaveSurvey } from '../db/wave-survey'
import { closeWave, createWave } from '../db/waves'
import type { Mode } from '../db/schema'
import { submitResponse } from '../responses/submit-response'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { DemoProfile } from './demo-answers'
import { demoAnswers, demoRandom } from './demo-answers'
import type { CliIo } from './io'
import { progressBar } from './progress'

const customerOffsets = {
  product_quality: 0.6,
  delivery_reliability: -0.5,
  order_accuracy: 0.2,
  technical_support: 0,
  price_value: -0.8,
  ease_of_ordering: 0.4,
  complaint_handling: -1,
  sales_support: 0.2,
}

// The employee view is rosier where customers suffer most: the dangerous gaps a demo should show.
const employeeOffsets = {
  ...customerOffsets,
  delivery_reliability: 0.6,
  complaint_handling: 0.3,
  price_value: -1.2,
}

type DemoWave = {
  survey: string
  name: string
  share: number
  profile: DemoProfile
  past?: boolean
}

const waves: DemoWave[] = [
  {
    survey: 'customer',
    name: 'Demo 2026 Q2 customers',
    share: 0.4,
    past: true,
    profile: { mood: 3.5, offsets: { ...customerOffsets, delivery_reliability: -0.9 } },
  },
  {
    survey: 'customer',
    name: 'Demo 2026 Q4 customers',
    share: 0.4,
    profile: { mood: 3.6, offsets: customerOffsets },
  },
  {
    survey: 'wholesaler',
    name: 'Demo 2026 Q4 wholesalers',
    share: 0.1,
    profile: { mood: 3.3, offsets: { order_accuracy: -0.6, delivery_reliability: -0.3 } },
  },
  {
    survey: 'employee',
    name: 'Demo 2026 Q4 employees',
    share: 0.1,
    profile: { mood: 3.9, offsets: employeeOffsets },
  },
]

const modes: readonly Mode[] = ['web', 'web', 'web', 'web', 'phone', 'postal']

/** Fills the database with demo waves and responses through the same path as real answers. */
export function registerDemo(program: Command, io: CliIo) {
  program
    .command('demo')
    .description('add demo waves (customers Q2 and Q4, wholesalers, employees) with responses')
    .option('--responses <n>', 'responses in all, shared among the waves', '1200')
    .option('--json', 'print the wave ids as JSON')
    .action(async (opts: { responses: string; json?: boolean }) => {
      const total = Number(opts.responses)
      if (!Number.isInteger(total) || total < 40 || total > 1_000_000)
        throw new CliError(
          `--responses: "${opts.responses}" must be a whole number from 40 to 1000000`,
        )
      const { store } = await openCliStore(io)
      const rnd = demoRandom(20261123)
      const created: { id: string; name: string; responses: number }[] = []
      const bar = progressBar(io, 'demo {bar} {value}/{total} responses', total)
      let done = 0
      for (const w of waves) {
        const now = new Date()
        const day = 86_400_000
        const { wave } = await createWave(store.db, {
          surveyId: w.survey,
          name: w.name,
          opensAt: new Date(now.getTime() - (w.past ? 200 : 20) * day),
          closesAt: new Date(now.getTime() + (w.past ? -150 : 30) * day),
        })
        const loaded = (await loadWaveSurvey(store.db, wave.id))!
        const n = Math.round(total * w.share)
        for (let i = 0; i < n; i++) {
          await submitResponse(
            store,
            { state: 'open', ...loaded, invitation: null },
            {
              data: demoAnswers(loaded.survey.definition, w.profile, rnd),
              mode: w.survey === 'employee' ? 'web' : rnd.pick(modes),
              now: new Date(),
              host: 'localhost',
            },
          )
          bar?.update(++done)
        }
        if (w.past) await closeWave(store.db, wave.id, new Date(now.getTime() - 150 * day))
        created.push({ id: wave.id, name: w.name, responses: n })
      }
      bar?.stop()
      if (opts.json) await io.stdout(`${JSON.stringify({ waves: created })}\n`)
      else
        for (const c of created) await io.stdout(`${c.id}  ${c.name}  (${c.responses} responses)\n`)
    })
}
