import type { AggregateSpec } from '../../reports'
import type { SessionUser } from '../auth/require-role'
import type { Db } from '../db/client'
import type { Wave } from '../db/waves'
import { listWaves } from '../db/waves'
import { surveyRoles } from '../surveys'
import type { SurveyDefinition } from '../surveys'
import { reportLabels } from '../surveys/report-labels'
import { PERIOD_SEGMENT, wavePeriod } from '../surveys/reporting-period'
import { canManage } from '../auth/wave-access'
import { waveSummary } from './wave-summary'

// Waves are created ahead of time and in any order; a trend follows when they were in the field.
const fieldedAt = (w: Wave) => (w.opensAt ?? w.createdAt).getTime()

const peerOf = (w: Wave) => ({
  id: w.id,
  name: w.name,
  audience: w.audience,
  surveyId: w.surveyId,
  opensAt: w.opensAt?.toISOString() ?? null,
  closesAt: w.closesAt?.toISOString() ?? null,
  createdAt: w.createdAt.toISOString(),
})

/**
 * One wave for its report pages: the overview figures, question labels, the waves of the same
 * survey for a trend, the waves that may sit beside it (customers for an employee wave's gaps,
 * other audiences for a customer wave), and what this user may do with it.
 */
export async function waveDetail(
  db: Db,
  user: SessionUser,
  loaded: { wave: Wave; survey: { definition: SurveyDefinition }; spec: AggregateSpec },
) {
  const { wave } = loaded
  const labels = reportLabels(loaded.survey.definition)
  // The contact list's own columns are segments too, named by their column.
  for (const key of loaded.spec.segments ?? [])
    if (!labels.segments.some((s) => s.key === key))
      labels.segments.push({
        key,
        label:
          key === PERIOD_SEGMENT && wavePeriod(wave)
            ? 'Reporting period (from the submission date, UTC)'
            : key,
        values: {},
      })
  const all = await listWaves(db)
  const employee = wave.audience === 'employee'
  const trend = all
    .filter((w) => w.surveyId === wave.surveyId)
    .sort((a, b) => fieldedAt(a) - fieldedAt(b) || a.id.localeCompare(b.id))
  const compare = all.filter((w) =>
    employee
      ? w.audience !== 'employee'
      : w.audience !== 'employee' && w.audience !== wave.audience,
  )
  return {
    wave: await waveSummary(db, wave, new Date()),
    labels,
    peers: { trend: trend.map(peerOf), compare: compare.map(peerOf) },
    can: {
      manage: canManage(user, wave.audience),
      // Employee responses are anonymous: nobody downloads them one by one from the dashboard.
      exportResponses: !employee,
    },
  }
}
