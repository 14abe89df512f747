/** AAPOR final disposition counts (METHODOLOGY §6.8). */
export interface Dispositions {
  readonly complete: number
  readonly partial: number
  readonly refusal: number
  readonly nonContact: number
  readonly other: number
  readonly unknownEligibility: number
  readonly notEligible: number
}

export interface AaporRates {
  readonly e: number | null
  readonly rr1: number | null
  readonly rr2: number | null
  readonly rr3: number | null
  readonly rr4: number | null
  readonly coop1: number | null
}

/**
 * AAPOR response rates (METHODOLOGY §6.8 [AAPOR]): RR1 = I/((I+P)+(R+NC+O)+U), RR2 = (I+P)/(…),
 * RR3/RR4 with e·U where e = (I+P+R+NC+O)/(I+P+R+NC+O+NE), COOP1 = I/((I+P)+R+O).
 * A rate with a zero denominator is null.
 */
export function aaporRates(d: Dispositions): AaporRates {
  const ip = d.complete + d.partial
  const known = ip + d.refusal + d.nonContact + d.other
  const e = known + d.notEligible === 0 ? null : known / (known + d.notEligible)
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b)
  const base = known + d.unknownEligibility
  const base3 = e === null ? null : known + e * d.unknownEligibility
  return {
    e,
    rr1: ratio(d.complete, base),
    rr2: ratio(ip, base),
    rr3: base3 === null ? null : ratio(d.complete, base3),
    rr4: base3 === null ? null : ratio(ip, base3),
    coop1: ratio(d.complete, ip + d.refusal + d.other),
  }
}

/** What a report group shows about its response rate (SPEC §5.4). */
export interface GroupResponseRate {
  readonly invited: number
  readonly responded: number
  /** Started and saved answers but never submitted (AAPOR P). */
  readonly partial: number
  /** Asked for no more email before responding (counted as refusals, R). */
  readonly optedOut: number
  /** Undeliverable invitations (unknown eligibility, UO). */
  readonly bounced: number
  readonly rr1: number | null
  readonly rr2: number | null
}

/** Invitation outcomes of a group; the counts beyond invited/responded default to 0. */
export interface RateCounts {
  readonly invited: number
  readonly responded: number
  readonly partial?: number
  readonly optedOut?: number
  readonly bounced?: number
}

/**
 * RR1 and RR2 of a group from its invitations: each response is a complete (I), a started one a
 * partial (P), an opt-out a refusal (R), a bounce unknown eligibility (UO), every other
 * invitation a non-contact (NC). All of these sit in both denominators, so
 * `rr1 = responded / invited` and `rr2 = (responded + partial) / invited`, null when nobody was
 * invited. For anonymous audiences the rate needs ≥ k invitees (METHODOLOGY §7.2 rule 4); below
 * that the caller gets null.
 */
export function groupResponseRate(c: RateCounts, minInvited = 0): GroupResponseRate | null {
  if (c.invited < minInvited) return null
  const partial = c.partial ?? 0
  const optedOut = c.optedOut ?? 0
  const bounced = c.bounced ?? 0
  const rates = aaporRates({
    complete: c.responded,
    partial,
    refusal: optedOut,
    nonContact: Math.max(0, c.invited - c.responded - partial - optedOut - bounced),
    other: 0,
    unknownEligibility: bounced,
    notEligible: 0,
  })
  return { invited: c.invited, responded: c.responded, partial, optedOut, bounced, rr1: rates.rr1, rr2: rates.rr2 }
}
