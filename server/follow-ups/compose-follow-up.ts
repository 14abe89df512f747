import { eq } from 'drizzle-orm'
import type { Db } from '../db/client'
import type { LeasedMessage } from '../db/outbox'
import { alerts } from '../db/schema'
import { loadWaveSurvey } from '../db/wave-survey'
import { reasonWords } from '../messages/alert-reasons'
import { reportLabels } from '../surveys/report-labels'
import { unsubscribeToken } from '../lib/unsubscribe-token'
import { acknowledgementContent, alertContent } from './follow-up-content'
import type { OutgoingMessage } from '../mail/mailer'
import type { MessageContext } from '../messages/send-context'

type Sender = { publicUrl: string; from: string; organisation: string; secret: string }

/** The acknowledgement or thanks to a respondent, or the alert to an owner, of one leased outbox row. */
export async function composeFollowUp(
  db: Db,
  m: LeasedMessage,
  o: Sender,
  host: string,
  wording: MessageContext,
): Promise<OutgoingMessage> {
  const base = o.publicUrl.replace(/\/+$/, '')
  const headers: Record<string, string> = {
    'Auto-Submitted': 'auto-generated',
    'X-CSI-Message': `${m.kind}.${m.alertId}@${host}`,
  }
  if ((m.kind === 'acknowledgement' || m.kind === 'thanks') && m.audience !== 'employee') {
    const unsubscribeUrl = `${base}/u/${await unsubscribeToken(o.secret, m.invitationId!)}`
    headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click'
    const words = await wording.wording(m, m.kind)
    const content = acknowledgementContent({
      kind: m.kind,
      audience: m.audience,
      recipientName: m.name,
      waveName: m.waveName,
      organisation: o.organisation,
      unsubscribeUrl,
      ...words,
    })
    return { from: o.from, to: m.email, ...content, messageId: m.messageId, headers }
  }
  const [alert] = await db.select().from(alerts).where(eq(alerts.id, m.alertId!))
  const contact = alert?.contactName
    ? `${alert.contactName} <${alert.contactEmail}>`
    : (alert?.contactEmail ?? null)
  // The owner is one of us, not the contact: the alert is in the survey's language.
  const audience = m.audience === 'employee' ? 'customer' : m.audience
  const words = await wording.wording({ ...m, audience }, 'alert', { surveyLanguageOnly: true })
  // Attributes named as the survey names them, in the survey's language like the alert.
  const loaded = await loadWaveSurvey(db, m.waveId)
  const labels = Object.fromEntries(
    (loaded ? reportLabels(loaded.survey.definition).attributes : []).map((a) => [a.key, a.label]),
  )
  const content = alertContent({
    audience,
    organisation: o.organisation,
    ...words,
    contact,
    waveName: m.waveName,
    reasons: (alert?.reasons ?? []).map((r) => reasonWords(r, words.language, labels)),
    alertUrl: `${base}/alerts/${encodeURIComponent(m.alertId!)}`,
  })
  return { from: o.from, to: m.email, ...content, messageId: m.messageId, headers }
}
