import type { InferResponseType } from 'hono/client'
import { api, readError } from '../../api'
import type { SurveyJson } from './survey-file'
import type { CheckResult, RoleMapping } from './survey-types'

const surveys = api.api.surveys

export type SurveySummary = InferResponseType<typeof surveys.$get, 200>['surveys'][number]
export type SurveyDetail = InferResponseType<(typeof surveys)[':id']['$get'], 200>
export type VersionSummary = SurveyDetail['versions'][number]

type Body = { definition: SurveyJson; mapping: RoleMapping }

export const surveyApi = {
  list: async (signal: AbortSignal) => {
    const res = await surveys.$get(undefined, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return (await res.json()).surveys
  },
  get: async (id: string, signal: AbortSignal) => {
    const res = await surveys[':id'].$get({ param: { id } }, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  version: async (id: string, version: number, signal: AbortSignal) => {
    const res = await surveys[':id'].versions[':version'].$get(
      { param: { id, version: String(version) } },
      { init: { signal } },
    )
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  /** The server's lint and roles for a definition and mapping; nothing is stored. */
  check: async (json: Body & { audience: string }, signal: AbortSignal) => {
    const res = await surveys.check.$post(
      { json: json as Parameters<typeof surveys.check.$post>[0]['json'] },
      { init: { signal } },
    )
    if (!res.ok) throw await readError(res)
    return (await res.json()) as CheckResult
  },
  create: async (json: Body & { audience: string; id?: string; title?: string }) => {
    const res = await surveys.$post({ json: json as Parameters<typeof surveys.$post>[0]['json'] })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  publish: async (id: string, json: Body) => {
    const res = await surveys[':id'].$put({ param: { id }, json })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
}

/** The address that downloads a version as SurveyJS Creator opens it. */
export const exportHref = (id: string, version: number) =>
  `/api/surveys/${encodeURIComponent(id)}/export?version=${version}`
