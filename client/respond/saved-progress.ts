/** Answers kept on this device so a respondent can stop and resume the same link. */
export type SavedProgress = {
  data: Record<string, unknown>
  pageNo: number
  submissionKey: string
  startedAt: string
}

const keyFor = (token: string) => `csi:progress:${token.slice(0, 16)}`

export function loadProgress(token: string): SavedProgress | null {
  try {
    const raw = localStorage.getItem(keyFor(token))
    return raw ? (JSON.parse(raw) as SavedProgress) : null
  } catch {
    return null
  }
}

export function saveProgress(token: string, progress: SavedProgress) {
  try {
    localStorage.setItem(keyFor(token), JSON.stringify(progress))
  } catch {
    // Private mode or a full quota: the survey still works, only resuming does not.
  }
}

export function clearProgress(token: string) {
  try {
    localStorage.removeItem(keyFor(token))
  } catch {
    // See saveProgress.
  }
}

export function newSubmissionKey(): string {
  return crypto.randomUUID()
}
