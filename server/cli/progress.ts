import { SingleBar } from 'cli-progress'
import type { CliIo } from './io'

// Bars draw on the process's own stderr, only when it is a terminal (io.tty): silent in pipes,
// CI logs and in-process runs.

/** A progress bar on stderr when it is a terminal. */
export function progressBar(io: CliIo, format: string, total = 0) {
  if (!io.tty) return null
  const bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, etaBuffer: 50 })
  bar.start(total, 0)
  return bar
}

/** A counter without a known total (rows of a streamed file), rewritten in place on a terminal. */
export function rowCounter(io: CliIo, label: string) {
  let last = 0
  return {
    update(rows: number) {
      if (!io.tty || Date.now() - last < 100) return
      last = Date.now()
      process.stderr.write(`\r${label} ${rows.toLocaleString('en')} rows`)
    },
    done() {
      if (io.tty && last) process.stderr.write('\n')
    },
  }
}
