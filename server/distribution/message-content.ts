// Survey emails are rendered by the messages feature (per language, editable, branded).
export { messageContent } from '../messages/survey-email'
export type { MessageAudience, MessageInput } from '../messages/survey-email'
export type { MessageContent } from '../mail/mailer'
