import type { AcknowledgementText } from '../db/acknowledgements'
import type { MessageTemplate } from './message-kinds'

/**
 * An acknowledgement saved in the alert settings (one text with `{name}` in it) as a template:
 * a first paragraph naming the contact becomes the greeting, "customer" standing in for an
 * unknown name as it always did.
 */
export function acknowledgementFromText(text: AcknowledgementText): MessageTemplate {
  const [first = '', ...rest] = text.body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)
  if (!first.includes('{name}'))
    return { subject: text.subject, greeting: '', greetingNoName: '', body: text.body }
  return {
    subject: text.subject,
    greeting: first,
    greetingNoName: first.replaceAll('{name}', 'customer'),
    body: rest.join('\n\n'),
  }
}
