import { useEffect, useState } from 'react'
import type { AlertLabels } from './alert-api'
import { alertApi } from './alert-api'

// Labels change only with a new survey version: one request per wave per page load is plenty.
const cache = new Map<string, Promise<AlertLabels | null>>()

function labelsOf(waveId: string) {
  let p = cache.get(waveId)
  if (!p) {
    p = alertApi.labels(waveId).catch(() => {
      cache.delete(waveId)
      return null
    })
    cache.set(waveId, p)
  }
  return p
}

/**
 * The attribute wording of each listed wave, so reasons read as the survey asked them; until
 * they arrive (or if they cannot), a reason names the attribute by its key in words.
 */
export function useWaveLabels(waveIds: readonly string[]) {
  const [names, setNames] = useState<Record<string, Record<string, string>>>({})
  const key = [...new Set(waveIds)].sort().join(',')
  useEffect(() => {
    let live = true
    for (const id of key ? key.split(',') : []) {
      void labelsOf(id).then((labels) => {
        if (!live || !labels) return
        const map = Object.fromEntries(labels.attributes.map((a) => [a.key, a.label]))
        setNames((n) => (n[id] ? n : { ...n, [id]: map }))
      })
    }
    return () => {
      live = false
    }
  }, [key])
  return names
}
