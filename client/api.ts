import { hc } from 'hono/client'
import type { AppType } from '../server/app'

/** The only bridge to the server: typed by the app's routes, type-only import. */
export const api = hc<AppType>('/')

/** Turns the server's one error envelope into an Error whose message a person can read. */
export async function readError(res: Response): Promise<ApiFailure> {
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    // Not our envelope (proxy error page, network): fall through to the status text.
  }
  const error = (body as { error?: { code?: string; message?: string; issues?: ApiIssue[] } } | null)
    ?.error
  return new ApiFailure(
    res.status,
    error?.code ?? 'INTERNAL',
    error?.message ?? `The server answered ${res.status} ${res.statusText}`.trim(),
    error?.issues ?? [],
  )
}

export type ApiIssue = { path: string; message: string }

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[],
  ) {
    super(message)
  }
}
