import { inviteeStatusLabel } from './interview-labels'
import { StateBadge } from '../ui/StateBadge'
import type { Invitee } from '../shell/api-types'

type Props = { invitee: Invitee; onPick: (invitee: Invitee) => void }

/** One invitee: a button when an interview can be keyed for them, plain text when not. */
export function ContactRow({ invitee, onPick }: Props) {
  const body = (
    <>
      <span className="contact__who">
        <span className="contact__name">{invitee.name || invitee.email}</span>
        {invitee.name && <span className="contact__email">{invitee.email}</span>}
      </span>
      <StateBadge tone={invitee.status}>{inviteeStatusLabel[invitee.status]}</StateBadge>
    </>
  )
  if (invitee.status === 'responded') {
    return (
      <div className="contact contact--disabled">
        {body}
        <span className="contact__note">Already answered: one response per contact.</span>
      </div>
    )
  }
  return (
    <button type="button" className="contact" onClick={() => onPick(invitee)}>
      {body}
      {invitee.status === 'opted-out' && (
        <span className="contact__note">Asked for no survey emails: check they agree.</span>
      )}
    </button>
  )
}
