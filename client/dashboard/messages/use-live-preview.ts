import { useEffect, useState } from 'react'
import type { ApiFailure } from '../../api'
import { toFailure } from '../ui/use-load'
import type { MessagePreview, Target, Words } from './messages-api'
import { previewFrameUrl, previewMessage } from './messages-api'

const SETTLE_MS = 350

/**
 * The message as the words being typed would send it: asked for once typing settles, the
 * last good preview kept while a draft is refused (the refusal names the field).
 */
export function useLivePreview(target: Target, words: Words | null) {
  const [preview, setPreview] = useState<(MessagePreview & { frame: string }) | null>(null)
  const [error, setError] = useState<ApiFailure | null>(null)
  const key = JSON.stringify([target, words])
  useEffect(() => {
    if (!words) return
    const controller = new AbortController()
    const timer = setTimeout(() => {
      previewMessage(target, words, controller.signal).then(
        (p) => {
          setPreview({ ...p, frame: previewFrameUrl(target, words) })
          setError(null)
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setError(toFailure(err))
        },
      )
    }, SETTLE_MS)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [key])
  return { preview, error }
}
