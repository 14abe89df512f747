/** An expected failure: printed as one line on stderr, exit code ≠ 0, no stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}
