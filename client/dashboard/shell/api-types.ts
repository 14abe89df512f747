import type { InferResponseType } from 'hono/client'
import type { api } from '../../api'

type Waves = typeof api.api.waves
export type User = InferResponseType<typeof api.api.me.$get, 200>['user']
export type WaveSummary = InferResponseType<Waves['$get'], 200>['waves'][number]
export type WaveSurvey = InferResponseType<Waves[':id']['survey']['$get'], 200>
export type Invitee = InferResponseType<
  Waves[':id']['invitations']['$get'],
  200
>['invitations'][number]
export type InterviewMode = 'phone' | 'face_to_face'
export type WaveDetail = InferResponseType<Waves[':id']['$get'], 200>
export type WaveReport = InferResponseType<Waves[':id']['report']['$get'], 200>
