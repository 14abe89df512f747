import { Command, CommanderError } from 'commander'
import { registerAggregates } from './aggregates'
import { registerContacts } from './contacts'
import { registerResponses } from './responses'
import { registerSend } from './send'
import { registerExport } from './export'
import { registerReport } from './report'
import { registerServe } from './serve'
import { registerUser } from './user'
import { registerWave } from './wave'
import { CliError } from './cli-error'

const program = new Command('csi')
  .description('CSI Toolkit: customer satisfaction surveys and reports')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()

registerServe(program)
registerWave(program)
registerContacts(program)
registerSend(program)
registerResponses(program)
registerExport(program)
registerReport(program)
registerUser(program)
registerAggregates(program)

try {
  await program.parseAsync(process.argv)
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode)
  if (err instanceof CliError) {
    process.stderr.write(`csi: ${err.message}\n`)
    process.exit(err.exitCode)
  }
  throw err
}
