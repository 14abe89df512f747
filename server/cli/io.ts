/**
 * What one CLI run reads and writes: the process's streams and environment in bin.js, buffers
 * and a made-up environment in tests, so commands never touch `process` themselves.
 */
export type CliIo = {
  /** Resolves once the chunk is taken: `csi export` waits on it to stream in constant memory. */
  stdout: (chunk: string) => void | Promise<void>
  stderr: (chunk: string) => void
  env: Record<string, string | undefined>
  /** stderr is a terminal: progress bars are drawn on it. */
  tty?: boolean
}
