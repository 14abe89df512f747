import { checkMinGroup, defaultMinComments, defaultMinGroup } from './anonymity'
import { defaultGapThresholds } from './gaps'
import { defaultCutOffs } from './scale'
import type { ReportOptions, ResolvedOptions } from './types'

/**
 * Fills every report option with its default (SPEC §4, METHODOLOGY) and checks it: minGroup is an
 * integer ≥ 3 and the adequate cut-off lies below the strength cut-off (RangeError otherwise).
 */
export function resolveOptions(o: ReportOptions = {}): ResolvedOptions {
  const cutOffs = { ...defaultCutOffs, ...o.cutOffs }
  if (!(cutOffs.adequate < cutOffs.strength)) {
    throw new RangeError('cutOffs: adequate must be below strength')
  }
  return {
    csi: o.csi ?? 'overall-rebuy',
    scale: o.scale ?? 'linear',
    cutOffs,
    attributes: o.attributes ?? null,
    by: o.by ?? [],
    compare: o.compare ?? null,
    minGroup: checkMinGroup(o.minGroup ?? defaultMinGroup),
    minComments: defaultMinComments,
    anonymousAudiences: o.anonymousAudiences ?? ['employee'],
    gapThresholds: { ...defaultGapThresholds, ...o.gapThresholds },
    pAdjust: o.pAdjust ?? 'holm',
    sort: o.sort ?? 'none',
    crosshair: o.crosshair ?? 'grand-mean',
    importanceMethod: o.importanceMethod ?? 'auto',
    importanceGate: o.importanceGate ?? true,
    alphaMin: o.alphaMin ?? 0.6,
    lowBase: o.lowBase ?? 30,
    maxHalfWidth: o.maxHalfWidth ?? 1,
    maxMissingShare: o.maxMissingShare ?? 0.2,
  }
}
