import type { InferRequestType, InferResponseType } from 'hono/client'
import { api, readError } from '../../api'

type Waves = typeof api.api.waves
type Wave = Waves[':id']

export type CreateWaveInput = InferRequestType<Waves['$post']>['json']
export type CreatedWave = InferResponseType<Waves['$post'], 201>
export type ImportResult = InferResponseType<Wave['contacts']['$post'], 200>
export type SendResult = InferResponseType<Wave['invite']['$post'], 202>
export type RemindRule = InferRequestType<Wave['remind']['$post']>['json']

async function ok<T>(res: Response & { json(): Promise<T> }): Promise<T> {
  if (!res.ok) throw await readError(res)
  return res.json()
}

/** The dashboard's wave administration calls; each throws an ApiFailure with the server's words. */
export const waveAdmin = {
  create: async (json: CreateWaveInput) => ok<CreatedWave>(await api.api.waves.$post({ json })),
  close: async (id: string) =>
    ok(await api.api.waves[':id'].close.$post({ param: { id }, json: {} })),
  importContacts: async (id: string, csv: string) =>
    ok<ImportResult>(await api.api.waves[':id'].contacts.$post({ param: { id }, json: { csv } })),
  invite: async (id: string) =>
    ok<SendResult>(await api.api.waves[':id'].invite.$post({ param: { id }, json: {} })),
  remind: async (id: string, json: RemindRule) =>
    ok<SendResult>(await api.api.waves[':id'].remind.$post({ param: { id }, json })),
}
