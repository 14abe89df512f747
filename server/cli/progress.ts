import { SingleBar } from 'cli-progress'

/** A progress bar on stderr when it is a terminal; silent in pipes and CI logs. */
export function progressBar(format: string, total = 0) {
  if (!process.stderr.isTTY) return null
  const bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, etaBuffer: 50 })
  bar.start(total, 0)
  return bar
}

/** A counter without a known total (rows of a streamed file), rewritten in place on a terminal. */
export function rowCounter(label: string) {
  let last = 0
  return {
    update(rows: number) {
      if (!process.stderr.isTTY || Date.now() - last < 100) return
      last = Date.now()
      process.stderr.write(`\r${label} ${rows.toLocaleString('en')} rows`)
    },
    done() {
      if (process.stderr.isTTY && last) process.stderr.write('\n')
    },
  }
}
