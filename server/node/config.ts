import { z } from 'zod'
import { DEFAULT_TOKEN_RATE_LIMIT } from '../env'

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_PATH: z.string().min(1).default('./data/csi.db'),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z
    .string()
    .regex(
      /^\s*(?:"?[^"<>\r\n]*"?\s*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)\s*$/,
      'must be an address or "Name <address>"',
    )
    .optional(),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z
    .string()
    .min(8, 'must be at least 8 characters')
    .max(128, 'must be at most 128 characters')
    .optional(),
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_RATE_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_TOKEN_RATE_LIMIT),
  /** Minutes between scheduled runs (close due waves, queue due reminders); 0 turns them off. */
  SCHEDULE_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /** 1: webhooks may target private, loopback and link-local addresses (tests, on-premise CRMs). */
  WEBHOOK_ALLOW_PRIVATE: z
    .enum(['0', '1'], { error: 'must be 0 or 1' })
    .default('0')
    .transform((v) => v === '1'),
})

export type NodeEnv = z.infer<typeof envSchema> & { PUBLIC_URL: string }

/** Reads and checks the environment once; a bad value stops start-up with its name. */
export function readNodeEnv(env: Record<string, string | undefined>): NodeEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''))
  const parsed = envSchema.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return {
    ...parsed.data,
    PUBLIC_URL: parsed.data.PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`,
  }
}
