import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>

export type ErrorCode = keyof typeof errorStatus
export type Issue = { path: string; message: string }
export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: Issue[] } }

export class ApiError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(errorStatus[code], { message })
  }
}

export function errorBody(code: ErrorCode, message: string, issues?: Issue[]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } }
}

/** The only place that writes an error body. Unexpected errors are logged, never sent. */
export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    return c.json(errorBody(err.code, err.message, err.issues), errorStatus[err.code])
  }
  if (err instanceof HTTPException) {
    const code = codeForStatus(err.status)
    return c.json(errorBody(code, err.message || code.toLowerCase()), errorStatus[code])
  }
  console.error(`[${c.req.method} ${c.req.path}]`, err)
  return c.json(errorBody('INTERNAL', 'Something went wrong on our side; nothing was saved.'), 500)
}

function codeForStatus(status: number): ErrorCode {
  const found = Object.entries(errorStatus).find(([, s]) => s === status)
  return (found?.[0] as ErrorCode | undefined) ?? 'INTERNAL'
}
