import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

const catalogue = api.api.catalogue

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
  publish: async (json: BuildRequest) => {
    const res = await catalogue.publish.$post({ json })
    if (!res.ok) throw await readError(res)
    return res.json()
  },
}
