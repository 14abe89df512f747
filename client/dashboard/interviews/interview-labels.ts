import type { InterviewMode, Invitee } from '../shell/api-types'

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
