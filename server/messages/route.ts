import { Hono } from 'hono'
import { z } from 'zod'
import { requireRole } from '../auth/require-role'
import {
  deleteMessageTemplate,
  listMessageTemplates,
  saveMessageTemplate,
} from '../db/message-templates'
import { programmeLanguages } from '../db/brand-settings'
import type { AppEnv } from '../env'
import { validate } from '../lib/validate'
import { audiences } from '../surveys/audiences'
import { loadMessageBook } from './message-book'
import { assertMayEdit, editableAudiences } from './message-access'
import type { MessageKind } from './message-kinds'
import {
  fieldsOf,
  kindsFor,
  messageKinds,
  placeholderHelp,
  placeholdersOf,
  shippedLanguages,
} from './message-kinds'
import { canonicalLanguage } from './message-language'
import { messageView, previewOf, sendTest } from './message-view'
import { checkTemplate, templateBody } from './template-check'

const target = z
  .object({
    audience: z.enum(audiences),
    kind: z.enum(messageKinds),
    language: z
      .string()
      .max(35)
      .transform((l, ctx) => {
        const canonical = canonicalLanguage(l)
        if (canonical) return canonical
        ctx.addIssue({
          code: 'custom',
          message: `"${l}" is not a BCP 47 language tag (such as de, fr-CA)`,
        })
        return z.NEVER
      }),
  })
  .superRefine((t, ctx) => {
    if (kindsFor(t.audience).includes(t.kind)) return
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message:
        t.audience === 'employee'
          ? 'employee answers are anonymous: nobody is acknowledged or alerted about one'
          : "the owners' digest spans every audience: its words are kept under customer",
    })
  })

const draftBody = z.object({ template: templateBody.optional() }).strict()

/** A draft in a URL (the preview frame's address): base64url of its JSON. */
const draftQuery = z.object({
  draft: z
    .string()
    .max(32_000)
    .transform((value, ctx) => {
      try {
        const bytes = Uint8Array.from(atob(value.replace(/-/g, '+').replace(/_/g, '/')), (ch) =>
          ch.charCodeAt(0),
        )
        return templateBody.parse(JSON.parse(new TextDecoder().decode(bytes)))
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be the base64url JSON of a template' })
        return z.NEVER
      }
    })
    .optional(),
})

// The email as a mail client shows it: its own inline styles and images, no script at all,
// framed only by our own pages (the dashboard's policy would strip the styles of a srcdoc).
const PREVIEW_POLICY =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; frame-ancestors 'self'"
const checkedDraft = (kind: MessageKind, body: z.infer<typeof draftBody>) =>
  body.template ? checkTemplate(kind, body.template) : undefined

/**
 * The words of every email, per audience, kind and language: read, edit, reset, preview and
 * send oneself a test. Stored edits are settings rows; the layout stays ours.
 */
export const messagesRoute = new Hono<AppEnv>()
  .get('/', requireRole('admin', 'hr'), async (c) => {
    const mine = editableAudiences(c.var.user)
    const edits = (await listMessageTemplates(c.var.db)).filter((t) =>
      (mine as readonly string[]).includes(t.audience),
    )
    return c.json(
      {
        shippedLanguages: [...shippedLanguages],
        // Ours, the programme's (its surveys' languages), and any with edits.
        languages: [
          ...new Set([
            ...shippedLanguages,
            ...(await programmeLanguages(c.var.db)),
            ...edits.map((e) => e.language),
          ]),
        ],
        audiences: mine.map((audience) => ({ audience, kinds: [...kindsFor(audience)] })),
        edits: edits.map(({ audience, kind, language }) => ({ audience, kind, language })),
        fields: fieldsOf,
        placeholders: placeholdersOf,
        placeholderHelp,
      },
      200,
    )
  })
  .get(
    '/:audience/:kind/:language',
    requireRole('admin', 'hr'),
    validate('param', target),
    async (c) => {
      const t = c.req.valid('param')
      assertMayEdit(c.var.user, t.audience)
      return c.json(await messageView(c.var.db, t), 200)
    },
  )
  .put(
    '/:audience/:kind/:language',
    requireRole('admin', 'hr'),
    validate('param', target),
    validate('json', templateBody),
    async (c) => {
      const t = c.req.valid('param')
      assertMayEdit(c.var.user, t.audience)
      const words = checkTemplate(t.kind, c.req.valid('json'))
      await saveMessageTemplate(c.var.db, t, words as Record<string, string>)
      return c.json(await messageView(c.var.db, t), 200)
    },
  )
  .delete(
    '/:audience/:kind/:language',
    requireRole('admin', 'hr'),
    validate('param', target),
    async (c) => {
      const t = c.req.valid('param')
      assertMayEdit(c.var.user, t.audience)
      await deleteMessageTemplate(c.var.db, t)
      return c.json(await messageView(c.var.db, t), 200)
    },
  )
  .post(
    '/:audience/:kind/:language/preview',
    requireRole('admin', 'hr'),
    validate('param', target),
    validate('json', draftBody),
    async (c) => {
      const t = c.req.valid('param')
      assertMayEdit(c.var.user, t.audience)
      const draft = checkedDraft(t.kind, c.req.valid('json'))
      const book = await loadMessageBook(c.var.db)
      return c.json(await previewOf(c, t, book, draft), 200)
    },
  )
  .get(
    '/:audience/:kind/:language/preview.html',
    requireRole('admin', 'hr'),
    validate('param', target),
    validate('query', draftQuery),
    async (c) => {
      const t = c.req.valid('param')
      assertMayEdit(c.var.user, t.audience)
      const { draft } = c.req.valid('query')
      const book = await loadMessageBook(c.var.db)
      const preview = await previewOf(c, t, book, draft && checkTemplate(t.kind, draft))
      c.header('Content-Security-Policy', PREVIEW_POLICY)
      c.header('Cache-Control', 'no-store')
      return c.html(preview.html, 200)
    },
  )
  .post(
    '/:audience/:kind/:language/test',
    requireRole('admin', 'hr'),
    validate('param', target),
    validate('json', draftBody),
    async (c) => {
      const t = c.req.valid('param')
      assertMayEdit(c.var.user, t.audience)
      const draft = checkedDraft(t.kind, c.req.valid('json'))
      const book = await loadMessageBook(c.var.db)
      return c.json(await sendTest(c, t, book, draft), 200)
    },
  )
