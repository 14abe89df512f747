import { Command, CommanderError } from 'commander'
import { CliError } from './cli-error'

type Register = (program: Command) => void

// Each command's module loads only when that command runs: `csi contacts import` need not pay
// for survey-core, better-auth and the report renderers (~100 MB of a small process).
const commands: Record<string, () => Promise<Register[]>> = {
  serve: async () => [(await import('./serve')).registerServe],
  wave: async () => [(await import('./wave')).registerWave],
  contacts: async () => [(await import('./contacts')).registerContacts],
  invite: async () => [(await import('./send')).registerSend],
  remind: async () => [(await import('./send')).registerSend],
  responses: async () => [(await import('./responses')).registerResponses],
  export: async () => [(await import('./export')).registerExport],
  report: async () => [(await import('./report')).registerReport],
  user: async () => [(await import('./user')).registerUser],
  aggregates: async () => [(await import('./aggregates')).registerAggregates],
  demo: async () => [(await import('./demo')).registerDemo],
}

const program = new Command('csi')
  .description('CSI Toolkit: customer satisfaction surveys and reports')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()

const name = process.argv[2] ?? ''
const wanted = Object.hasOwn(commands, name) ? [commands[name]!] : Object.values(commands)
const registered = new Set<Register>()
for (const load of wanted) {
  for (const register of await load()) {
    if (!registered.has(register)) register(program)
    registered.add(register)
  }
}

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
