import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

const catalogue = api.api.catalogue
const survey = api.api.surveys[':id']

export type Catalogue = InferResponseType<typeof catalogue.$get, 200>
export type CatalogueItem = Catalogue['items'][number]
export type BuildRequest = InferRequestType<typeof catalogue.build.$post>['json']
export type Built = InferResponseType<typeof catalogue.build.$post, 200>
export type Published = InferResponseType<typeof catalogue.publish.$post, 200>

/** The saved catalogue's CSV (or the starter one until it is saved). */
export const catalogueCsvHref = '/api/catalogue/csv'

export const catalogueApi = {
  get: async (signal: AbortSignal) => {
    const res = await catalogue.$get(undefined, { init: { signal } })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  save: async (items: CatalogueItem[]) => {
    const res = await catalogue.$put({ json: { items } })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  importCsv: async (csv: string) => {
    const res = await catalogue.csv.$post({ json: { csv } })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  build: async (json: BuildRequest) => {
    const res = await catalogue.build.$post({ json })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
  /**
   * Whether the survey's current version asks for importance (as the server's build does when
   * it is sent no flag), or null when there is no such survey yet.
   */
  current: async (id: string, signal: AbortSignal) => {
    const res = await survey.$get({ param: { id } }, { init: { signal } })
    if (!res.ok) {
      const failure = await readError(res)
      if (failure.status === 404) return null
      throw failure
    }
    const detail = await res.json()
    return { version: detail.survey.currentVersion, importance: detail.roles.importance.length > 0 }
  },
  publish: async (json: BuildRequest) => {
    const res = await catalogue.publish.$post({ json })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
}
