import type { ReportingPeriod } from '../../reports'
import { periodKey } from '../../reports'
import type { Audience } from './audiences'
import { isAnonymous } from './audiences'

/** The segment a continuous wave's responses carry: the period they were submitted in (UTC). */
export const PERIOD_SEGMENT = 'period'

type PeriodWave = { audience: Audience; reportingPeriod: ReportingPeriod | null }

/** Why a wave of this audience may not report by period, or null when it may. */
export function periodRefusal(audience: Audience): string | null {
  return isAnonymous(audience)
    ? 'an employee wave cannot report by period: splitting it by month or quarter narrows its groups and dates each answer, so people could be picked out'
    : null
}

/** The reporting period of a wave whose responses carry one (never an anonymous wave's). */
export function wavePeriod(wave: PeriodWave): ReportingPeriod | null {
  return wave.reportingPeriod && !periodRefusal(wave.audience) ? wave.reportingPeriod : null
}

/** The period a response submitted at this time falls in, or null for a pooled wave. */
export function responsePeriod(wave: PeriodWave, submittedAt: Date): string | null {
  const period = wavePeriod(wave)
  return period ? periodKey(submittedAt, period) : null
}

/**
 * A response's segment values with its reporting period set from its submission time: the one
 * rule for web and interviewer submissions, imports and aggregate rebuilds, so they agree. A
 * value of the same name from the contact file or the row gives way to the submission time.
 */
export function withReportingPeriod<T extends Record<string, string | null>>(
  wave: PeriodWave,
  segments: T,
  submittedAt: Date,
): T {
  const period = responsePeriod(wave, submittedAt)
  return period ? { ...segments, [PERIOD_SEGMENT]: period } : segments
}
