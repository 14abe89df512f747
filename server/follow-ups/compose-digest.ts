import type { Db } from '../db/client'
import { loadDigest } from '../db/digests'
import type { LeasedMessage } from '../db/outbox'
import { loadWaveSurvey } from '../db/wave-survey'
import type { OutgoingMessage } from '../mail/mailer'
import { reasonWords } from '../messages/alert-reasons'
import { digestContent } from '../messages/digest-email'
import type { MessageContext } from '../messages/send-context'
import { reportLabels } from '../surveys/report-labels'

type Sender = { publicUrl: string; from: string; organisation: string }

/**
 * An owner's digest of one leased outbox row. Its words are the customer audience's (one digest
 * spans every audience's waves), in the survey language of the wave it goes with (its newest
 * alert's), as a single alert's email would be.
 */
export async function composeDigest(
  db: Db,
  m: LeasedMessage,
  o: Sender,
  host: string,
  wording: MessageContext,
): Promise<OutgoingMessage> {
  const base = o.publicUrl.replace(/\/+$/, '')
  const digest = await loadDigest(db, m.digestId!)
  const words = await wording.wording(
    { waveId: m.waveId, invitationId: null, audience: 'customer', language: null },
    'digest',
    { surveyLanguageOnly: true },
  )
  const labelsOf = new Map<string, Record<string, string>>()
  for (const a of digest?.alerts ?? [])
    if (!labelsOf.has(a.waveId)) {
      const loaded = await loadWaveSurvey(db, a.waveId)
      const attributes = loaded ? reportLabels(loaded.survey.definition).attributes : []
      labelsOf.set(a.waveId, Object.fromEntries(attributes.map((x) => [x.key, x.label])))
    }
  const content = digestContent({
    language: words.language,
    template: words.template,
    brand: words.brand,
    organisation: o.organisation,
    date: new Date(`${digest?.day ?? new Date().toISOString().slice(0, 10)}T12:00:00Z`),
    alerts: (digest?.alerts ?? []).map((a) => ({
      waveName: a.waveName,
      contact: a.contactName ? `${a.contactName} <${a.contactEmail}>` : a.contactEmail,
      reasons: a.reasons.map((r) => reasonWords(r, words.language, labelsOf.get(a.waveId))),
      alertUrl: `${base}/alerts/${encodeURIComponent(a.id)}`,
    })),
    alertsUrl: `${base}/alerts?owner=${encodeURIComponent(m.email)}`,
  })
  return {
    from: o.from,
    to: m.email,
    ...content,
    messageId: m.messageId,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-CSI-Message': `digest.${m.digestId}@${host}`,
    },
  }
}
