import type { LanguagePack } from './language-pack'
import { template } from './language-pack'

const common = {
  greeting: 'Dear {name},',
  greetingNoName: 'Hello,',
  timing: 'It takes about {minutes} minutes.',
  deadline: 'Please answer by {closeDate}.',
  signoff: 'Thank you for your time.',
}
const invitation = { ...common, preheader: 'We would value your view.', button: 'Start the survey' }
const reminder = {
  ...common,
  preheader: 'It is not too late to share your view.',
  heading: 'We would still like to hear from you',
  button: 'Answer the survey',
}
const notYet =
  'We have not heard back from you yet, and it is not too late to take part. If you have ' +
  'already answered, thank you, and please ignore this email.'
const aspects = 'delivery, order accuracy, trading terms and support'

const trade = (kind: 'wholesale' | 'retail') => ({
  invitation: template({
    ...invitation,
    subject: 'How is our supply service? A {minutes}-minute survey from {organisation}',
    heading: 'How is our supply service?',
    body:
      `As a ${kind} partner of {organisation}, you see our supply service up close. We would ` +
      `like to know how satisfied you are with it: ${aspects}.`,
    why: `You are receiving this email because your company is a ${kind} partner of {organisation}.`,
  }),
  reminder: template({
    ...reminder,
    subject: 'Reminder: your view on {organisationPossessive} supply service',
    body: `We recently asked how satisfied you are with {organisationPossessive} supply service: ${aspects}.\n\n${notYet}`,
    why: `You are receiving this email because your company is a ${kind} partner of {organisation}.`,
  }),
  acknowledgement: template({
    subject: 'Thank you for your feedback on our supply service',
    greeting: 'Dear {name},',
    greetingNoName: 'Dear customer,',
    body: 'Thank you for rating our supply service. Where we let you down, your account manager will be in touch shortly to agree what we change.\n\nWith our thanks,\n{organisation}',
  }),
  // No owner to promise: thanks, and nothing anyone would have to keep.
  thanks: template({
    subject: 'Thank you for your feedback on our supply service',
    greeting: 'Dear {name},',
    greetingNoName: 'Dear customer,',
    body: 'Thank you for rating our supply service. Where we let you down, your answers go to the people who decide what we change.\n\nWith our thanks,\n{organisation}',
  }),
  alert,
})

const alert = template({
  subject: 'Follow up: {contact} ({wave})',
  body: '{contact} gave a low score in {wave}. Please follow up and record what you did.',
  button: 'Open the follow-up',
})

// Once a day, all of an owner's new alerts in one email (the programme's or the owner's choice).
const digest = template({
  subject: 'Your follow-ups ({date}): {count} new',
  body: 'Since your last summary, these respondents gave low scores. Please follow up with each of them and record what you did.',
  button: 'Open your follow-ups',
})

export const en: LanguagePack = {
  chrome: {
    anonymous: 'Your answers are anonymous.',
    anonymityPromise:
      'They are never linked to your name or email address, and results are only reported ' +
      'for groups of at least five people.',
    anonymousShort: 'Anonymous.',
    linkFallback: 'If the button does not work, copy this link into your browser:',
    surveyLabel: 'Survey:',
    unsubscribeText: 'To stop these emails, unsubscribe here:',
    unsubscribeHtml: 'Prefer not to get these emails?',
    unsubscribe: 'Unsubscribe',
    respondent: 'A respondent',
    colon: ':',
    reasons: {
      comment: 'Left a comment',
      overall: 'Overall satisfaction',
      rebuy: 'Intention to buy again',
      score: '{label}: {value} of 5',
    },
  },
  templates: {
    customer: {
      invitation: template({
        ...invitation,
        subject: 'How are we doing? A {minutes}-minute survey from {organisation}',
        heading: 'How are we doing?',
        body:
          'We would like to know how satisfied you are with {organisationPossessive} products ' +
          'and service. Your answers show us what we do well and what we should improve.',
        why: 'You are receiving this email because you are a customer of {organisation}.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Reminder: your view on {organisationPossessive} service',
        body: `We recently asked how satisfied you are with {organisationPossessive} products and service.\n\n${notYet}`,
        why: 'You are receiving this email because you are a customer of {organisation}.',
      }),
      acknowledgement: template({
        subject: 'Thank you for telling us: we are on it',
        greeting: 'Dear {name},',
        greetingNoName: 'Dear customer,',
        body: 'Thank you for answering our survey. You told us we fell short, and we take that seriously: someone from our team will contact you shortly to put it right.\n\nWith our thanks,\n{organisation}',
      }),
      thanks: template({
        subject: 'Thank you for your feedback',
        greeting: 'Dear {name},',
        greetingNoName: 'Dear customer,',
        body: 'Thank you for answering our survey. You told us where we fell short, and that is exactly what we need to know: your answers go to the people who decide what we improve.\n\nWith our thanks,\n{organisation}',
      }),
      alert,
      digest,
    },
    wholesaler: trade('wholesale'),
    retailer: trade('retail'),
    employee: {
      invitation: template({
        ...invitation,
        subject: 'How do customers see {organisation}? A {minutes}-minute anonymous staff survey',
        heading: 'How do our customers see us?',
        body:
          'We are asking everyone at {organisation} how they think our customers rate the ' +
          'company: our products, service, delivery and support. Comparing your view with what ' +
          'customers tell us shows where we see ourselves differently.',
        why: 'You are receiving this email because you work at {organisation}.',
      }),
      reminder: template({
        ...reminder,
        subject: 'Reminder: the anonymous staff survey on how customers see us',
        body: `We recently invited you to our staff survey on how you think customers rate {organisation}.\n\n${notYet}`,
        why: 'You are receiving this email because you work at {organisation}.',
      }),
    },
  },
}
