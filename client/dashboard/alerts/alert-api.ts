import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

type Alerts = typeof api.api.alerts
type Rules = (typeof api.api.waves)[':id']['alert-rules']

export type AlertList = InferResponseType<Alerts['$get'], 200>
export type ListedAlert = AlertList['alerts'][number]
export type AlertQuery = InferRequestType<Alerts['$get']>['query']
export type AlertDetail = InferResponseType<Alerts[':id']['$get'], 200>
export type AlertNote = AlertDetail['notes'][number]
export type AlertStatus = ListedAlert['status']
export type AlertLabels = NonNullable<AlertDetail['labels']>
export type AlertSettings = InferResponseType<Alerts['settings']['$get'], 200>
export type Acknowledgement = AlertSettings['acknowledgements'][number]
export type Delivery = AlertSettings['delivery']
export type AckAudience = Acknowledgement['audience']
export type WaveRules = InferResponseType<Rules['$get'], 200>
export type AlertRule = WaveRules['rules'][number]
export type RulesInput = InferRequestType<Rules['$put']>['json']

async function ok<T>(res: Response & { json(): Promise<T> }): Promise<T> {
  if (!res.ok) throw await readError(res)
  return res.json()
}
const signalled = (signal?: AbortSignal) => ({ init: { signal } })

/** Closing the loop: the follow-up calls; each throws an ApiFailure with the server's words. */
export const alertApi = {
  list: async (query: AlertQuery, signal?: AbortSignal) =>
    ok<AlertList>(await api.api.alerts.$get({ query }, signalled(signal))),
  get: async (id: string, signal?: AbortSignal) =>
    ok<AlertDetail>(await api.api.alerts[':id'].$get({ param: { id } }, signalled(signal))),
  change: async (id: string, json: { status?: AlertStatus; note?: string }) =>
    ok(await api.api.alerts[':id'].$patch({ param: { id }, json })),
  settings: async (signal?: AbortSignal) =>
    ok<AlertSettings>(await api.api.alerts.settings.$get(undefined, signalled(signal))),
  saveOverdueDays: async (overdueDays: number) =>
    ok(await api.api.alerts.settings.$put({ json: { overdueDays } })),
  saveTeam: async (team: string[]) => ok(await api.api.alerts.settings.$put({ json: { team } })),
  saveDelivery: async (json: { delivery: Delivery; digestHour: number }) =>
    ok(await api.api.alerts.settings.$put({ json })),
  saveMine: async (delivery: Delivery | null) =>
    ok(await api.api.alerts.settings.mine.$put({ json: { delivery } })),
  saveAcknowledgement: async (
    audience: AckAudience,
    json: { subject: string; body: string } | null,
  ) => ok(await api.api.alerts.acknowledgements[':audience'].$put({ param: { audience }, json })),
  rules: async (id: string, signal?: AbortSignal) =>
    ok<WaveRules>(
      await api.api.waves[':id']['alert-rules'].$get({ param: { id } }, signalled(signal)),
    ),
  saveRules: async (id: string, json: RulesInput) =>
    ok(await api.api.waves[':id']['alert-rules'].$put({ param: { id }, json })),
  /** A wave's question labels (attributes, segments, comments), from its report header. */
  labels: async (id: string, signal?: AbortSignal) => {
    const res = await api.api.waves[':id'].$get({ param: { id } }, signalled(signal))
    if (!res.ok) throw await readError(res)
    return (await res.json()).labels as AlertLabels
  },
}
