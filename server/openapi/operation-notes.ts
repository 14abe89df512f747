import { z, type ZodType } from 'zod'

/** Every error answer: one envelope, `issues` only for invalid input (server/lib/errors.ts). */
export const errorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
})

type Note = {
  summary: string
  /** The success status when it is not 200. */
  status?: number
  /** The success body's shape, where it is a contract for scripts. */
  answer?: ZodType
  /** A success body that is not JSON. */
  media?: 'text/csv' | 'text/html' | 'text/css'
}

const health = z.object({
  status: z.literal('ok'),
  runtime: z.enum(['node', 'workerd']),
  db: z.literal('ok'),
})
const me = z.object({
  user: z.object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'manager', 'hr']) }),
})

const triggered = z.object({
  status: z.enum(['queued', 'duplicate', 'already-invited', 'opted-out', 'too-soon']),
  invitation: z
    .object({
      id: z.string(),
      email: z.string(),
      dedupeKey: z.string().nullable(),
      sendAt: z.string().nullable(),
    })
    .nullable(),
  contactFrequency: z.object({ days: z.number(), lastSurveyedAt: z.string().nullable() }),
  sending: z.boolean(),
})

/**
 * Summaries and answer shapes per route. The routes themselves, their parameters, bodies and
 * roles come from the app (./describe-api.ts); a route missing here is still described.
 */
export const operationNotes: Record<string, Note> = {
  'GET /api/health': { summary: 'Health: runtime and a real database query', answer: health },
  'POST /api/auth/sign-in/email': { summary: 'Sign in to the dashboard (sets a session cookie)' },
  'POST /api/auth/sign-out': { summary: 'Sign out (ends the session cookie)' },
  'POST /api/auth/change-password': { summary: "Change the signed-in user's password" },
  'GET /api/me': { summary: 'Who is calling: user (or API key) and role', answer: me },
  'GET /api/links/:token': { summary: "Respondent link: the survey and the respondent's draft" },
  'PUT /api/links/:token/draft': { summary: 'Respondent link: save a draft' },
  'POST /api/links/:token/responses': { summary: 'Respondent link: submit the response' },
  'GET /api/respond': { summary: 'Respondent page (link cookie): the survey and draft' },
  'PUT /api/respond/draft': { summary: 'Respondent page (link cookie): save a draft' },
  'POST /api/respond/responses': { summary: 'Respondent page (link cookie): submit' },
  'GET /api/waves': { summary: 'Waves the caller may run, with their figures' },
  'POST /api/waves': { summary: 'Create a wave of a survey', status: 201 },
  'GET /api/waves/:id': { summary: 'One wave: status, fieldwork and response figures' },
  'GET /api/waves/:id/report': { summary: 'The wave report (SPEC §5.4 JSON)' },
  'PATCH /api/waves/:id': {
    summary: 'Edit a wave: its reportingPeriod (month, quarter or null; aggregates rebuilt)',
  },
  'GET /api/waves/:id/trend': { summary: 'CSI over the waves of the same survey' },
  'GET /api/waves/:id/periods': {
    summary: "A continuous wave's CSI per month or quarter, changes tested period to period",
  },
  'GET /api/waves/:id/comments': { summary: 'Open comments, above the anonymity threshold' },
  'GET /api/waves/:id/report.csv': { summary: 'The wave report as CSV', media: 'text/csv' },
  'GET /api/waves/:id/responses.csv': {
    summary: 'Responses as CSV (SPEC §5.3)',
    media: 'text/csv',
  },
  'GET /api/waves/:id/survey': { summary: "The wave's survey definition (SurveyJS JSON)" },
  'GET /api/waves/:id/invitations': { summary: 'Search the invitees of a wave' },
  'POST /api/waves/:id/interviews': { summary: 'Key in a phone or face-to-face interview' },
  'POST /api/waves/:id/contacts': { summary: 'Import a contact list (CSV text), all or nothing' },
  'POST /api/waves/:id/invite': { summary: 'Send the invitations not yet sent', status: 202 },
  'POST /api/waves/:id/invitations': {
    summary:
      'Invite one contact now or at sendAt, from a CRM event (dedupeKey, contact-frequency rule)',
    status: 201,
    answer: triggered,
  },
  'POST /api/waves/:id/remind': { summary: 'Send reminders by the wave rule', status: 202 },
  'POST /api/waves/:id/close': { summary: 'Close the wave' },
  'GET /api/waves/:id/alert-rules': { summary: "The wave's follow-up alert rules" },
  'PUT /api/waves/:id/alert-rules': { summary: "Set the wave's follow-up alert rules" },
  'GET /api/alerts': { summary: 'Follow-up alerts the caller may handle' },
  'GET /api/alerts/settings': {
    summary: 'Follow-up settings: overdue days, team, how owners hear of alerts, your own choice',
  },
  'PUT /api/alerts/settings': {
    summary: 'Set the follow-up settings (overdue days, team, delivery each | daily, digestHour)',
  },
  'PUT /api/alerts/settings/mine': {
    summary: 'Choose how you hear of the alerts you own (each | daily; null: the programme’s)',
  },
  'PUT /api/alerts/acknowledgements/:audience': { summary: 'Set the acknowledgement email text' },
  'GET /api/alerts/:id': { summary: 'One alert with its notes' },
  'PATCH /api/alerts/:id': { summary: 'Update an alert: status, assignee, note' },
  'GET /api/settings/anonymity': { summary: 'Anonymity thresholds' },
  'PUT /api/settings/anonymity': { summary: 'Set the anonymity thresholds (never below 3)' },
  'GET /api/settings/bands': { summary: 'Score bands and scale mapping' },
  'PUT /api/settings/bands': { summary: 'Set the score bands and scale mapping' },
  'GET /api/settings/contact-frequency': {
    summary: 'Contact-frequency rule: days between surveys of one contact',
  },
  'PUT /api/settings/contact-frequency': { summary: 'Set the contact-frequency rule (0: off)' },
  'GET /api/webhooks': { summary: 'Outgoing webhooks (never their secrets)' },
  'POST /api/webhooks': {
    summary: 'Add a webhook: URL and events; the signing secret is in this answer only',
    status: 201,
  },
  'DELETE /api/webhooks/:id': { summary: 'Remove a webhook and its delivery log' },
  'POST /api/webhooks/:id/enable': { summary: 'Turn a disabled webhook back on' },
  'GET /api/webhooks/:id/deliveries': {
    summary: "A webhook's last 50 deliveries: event, attempts, status",
  },
  'GET /api/users': { summary: 'Dashboard users' },
  'GET /api/apikeys': { summary: 'API keys (admin: all; others: their own), never the key itself' },
  'POST /api/apikeys': {
    summary: 'Create an API key for a role; the key is in this answer only',
    status: 201,
  },
  'DELETE /api/apikeys/:id': { summary: 'Revoke an API key' },
  'POST /api/users': { summary: 'Add a dashboard user', status: 201 },
  'PATCH /api/users/:id': { summary: "Change a user's role" },
  'DELETE /api/users/:id': { summary: 'Remove a user' },
  'DELETE /api/users/:id/lockout': { summary: "End a user's sign-in lockout" },
  'GET /api/surveys': { summary: 'Surveys of the programme the caller may run' },
  'POST /api/surveys/check': { summary: 'Lint a survey definition without saving it' },
  'POST /api/surveys': { summary: 'Add a survey (SurveyJS JSON)', status: 201 },
  'GET /api/surveys/:id': { summary: 'One survey with its versions' },
  'PUT /api/surveys/:id': { summary: 'Save a new version of a survey' },
  'GET /api/surveys/:id/versions/:version': { summary: 'One version of a survey' },
  'GET /api/surveys/:id/export': { summary: 'Export a survey for SurveyJS Creator' },
  'GET /api/catalogue': { summary: 'The question catalogue' },
  'PUT /api/catalogue': { summary: 'Replace the question catalogue' },
  'GET /api/catalogue/csv': { summary: 'The question catalogue as CSV', media: 'text/csv' },
  'POST /api/catalogue/csv': { summary: 'Replace the catalogue from CSV text' },
  'POST /api/catalogue/build': { summary: 'Build a survey from the catalogue (preview)' },
  'POST /api/catalogue/publish': { summary: 'Build and save a survey from the catalogue' },
  'GET /api/openapi.json': { summary: 'This description (OpenAPI 3.1)' },
  'GET /api/docs': { summary: 'This description as a readable page', media: 'text/html' },
  'GET /api/docs/reference.css': { summary: "The reference page's stylesheet", media: 'text/css' },
}
