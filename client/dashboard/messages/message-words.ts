/** How the editor names each field of a message. */
export const fieldLabel: Record<string, { label: string; hint?: string; long?: boolean }> = {
  subject: { label: 'Subject' },
  preheader: { label: 'Inbox preview line', hint: 'Shown after the subject in most inboxes.' },
  heading: { label: 'Heading' },
  greeting: { label: 'Greeting', hint: 'Used when the contact file gives a name.' },
  greetingNoName: { label: 'Greeting without a name' },
  body: { label: 'Message', hint: 'Leave a blank line between paragraphs.', long: true },
  timing: { label: 'How long it takes' },
  deadline: {
    label: 'Closing date sentence',
    hint: 'Left out when the wave has no closing date.',
  },
  button: { label: 'Button' },
  signoff: { label: 'Sign-off', hint: 'Your organisation’s name follows it.' },
  why: { label: 'Why they get this email', hint: 'In the footer, beside the unsubscribe link.' },
}

export const audienceLabel: Record<string, string> = {
  customer: 'Customers',
  wholesaler: 'Wholesalers',
  retailer: 'Retailers',
  employee: 'Employees',
}

export const kindLabel: Record<string, string> = {
  invitation: 'Invitation',
  reminder: 'Reminder',
  acknowledgement: 'Acknowledgement of a low score',
  thanks: 'Thanks for a low score',
  alert: 'Alert to the account owner',
  digest: 'Owners’ daily digest',
}

const names = new Intl.DisplayNames(['en'], { type: 'language' })
export const languageLabel = (tag: string) => {
  try {
    return `${names.of(tag) ?? tag} (${tag})`
  } catch {
    return tag
  }
}
