import type { InterviewMode, Invitee, WaveSummary } from './types'

export function percent(share: number | null | undefined): string {
  return share == null ? '–' : `${Math.round(share * 100)}%`
}

export const waveStateLabel: Record<WaveSummary['state'], string> = {
  open: 'Open',
  closed: 'Closed',
  'not-yet-open': 'Not yet open',
}

export const inviteeStatusLabel: Record<Invitee['status'], string> = {
  responded: 'Responded',
  started: 'Started online',
  'opted-out': 'Opted out of emails',
  bounced: 'Email bounced',
  'not-sent': 'Not emailed',
  sent: 'Emailed',
}

export const modeLabel: Record<InterviewMode, string> = {
  phone: 'Phone',
  face_to_face: 'Face to face',
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

export function formatDate(iso: string | null): string | null {
  return iso ? dateFormat.format(new Date(iso)) : null
}

export const audienceLabel = (audience: string) =>
  audience.charAt(0).toUpperCase() + audience.slice(1)
