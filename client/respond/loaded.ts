/** A link as the respondent page gets it: inlined by the server, or from `GET /api/respond`. */
export type Loaded = {
  wave: { id: string; name: string; closesAt: string | null }
  survey: { id: string; version: number; definition: Record<string, unknown> }
  link: {
    kind: 'invitation' | 'open'
    key: string
    saved: { data: Record<string, unknown>; pageNo: number } | null
    /** Segment answers the contact list gives: filled in and not asked. */
    prefill: Record<string, string>
  }
  /** The page's language and the survey's languages, chosen by the server (respondent-page.ts). */
  locale?: string
  locales?: string[]
}
