import type { WaveSummary } from '../shell/api-types'
import type { ImportResult, SendResult } from './wave-admin-api'
import { count } from './words'

/** What the overview says after an import. */
export function importedText(r: ImportResult) {
  const parts = [`Imported ${count(r.imported, 'contact')} (${r.added} new, ${r.updated} updated).`]
  if (r.segments.length) parts.push(`Segments: ${r.segments.join(', ')}.`)
  if (r.optedOut)
    parts.push(`${r.optedOut} opted out of survey email earlier and will not be emailed.`)
  return parts.join(' ')
}

const after = (r: SendResult) =>
  r.sending
    ? 'Sending now; the progress shows in the Email column.'
    : 'They wait in the outbox: this server does not send email itself; its mail sender (or “npx csi invite” run on it) sends them.'

/** What the overview says after "Send invitations". */
export function invitedText(r: SendResult, wave: WaveSummary) {
  if (r.queued > 0) return `Queued ${count(r.queued, 'invitation')}. ${after(r)}`
  if (wave.invitations.invited === 0)
    return 'This wave has no contacts yet: import a contact file first.'
  const waiting = r.pending ? ` ${count(r.pending, 'message')} still waiting; ${after(r)}` : ''
  return `Nobody new to invite: every contact already has an invitation (opted-out and bounced addresses are skipped).${waiting}`
}

/** What the overview says after "Send reminders". */
export function remindedText(r: SendResult, rule: { afterDays: number; max: number }) {
  if (r.queued > 0) return `Queued ${count(r.queued, 'reminder')}. ${after(r)}`
  return `No reminders due. A reminder goes to an invitee who has not answered, was last emailed at least ${count(rule.afterDays, 'day')} ago and has had fewer than ${count(rule.max, 'reminder')}: nobody fits now.`
}
