import type { AcknowledgementText } from '../db/acknowledgements'
import { languagePacks } from '../messages/defaults'
import type { AcknowledgementAudience } from '../messages/follow-up-email'

export type { AcknowledgementText }
export { acknowledgementContent, alertContent } from '../messages/follow-up-email'
export { acknowledgementFromText } from '../messages/legacy-acknowledgement'

/** The shipped English acknowledgement as one text, the shape the alert settings edit. */
export function defaultAcknowledgement(audience: AcknowledgementAudience): AcknowledgementText {
  const t = languagePacks.en.templates[audience].acknowledgement!
  return { subject: t.subject, body: `${t.greeting}\n\n${t.body}` }
}
