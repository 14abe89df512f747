import { Command, CommanderError, Help } from 'commander'
import { CliError } from './cli-error'
import type { CliIo } from './io'

export type { CliIo } from './io'

type Register = (program: Command, io: CliIo) => void

// Each command's module loads only when that command runs: `csi contacts import` need not pay
// for survey-core, better-auth and the report renderers (~100 MB of a small process).
const commands: Record<string, () => Promise<Register>> = {
  serve: async () => (await import('./serve')).registerServe,
  wave: async () => (await import('./wave')).registerWave,
  contacts: async () => (await import('./contacts')).registerContacts,
  invite: async () => (await import('./send')).registerSend,
  remind: async () => (await import('./send')).registerSend,
  responses: async () => (await import('./responses')).registerResponses,
  export: async () => (await import('./export')).registerExport,
  report: async () => (await import('./report')).registerReport,
  user: async () => (await import('./user')).registerUser,
  apikey: async () => (await import('./apikey')).registerApiKey,
  webhook: async () => (await import('./webhook')).registerWebhook,
  settings: async () => (await import('./settings')).registerSettings,
  survey: async () => (await import('./survey')).registerSurvey,
  catalogue: async () => (await import('./catalogue')).registerCatalogue,
  aggregates: async () => (await import('./aggregates')).registerAggregates,
  demo: async () => (await import('./demo')).registerDemo,
}

/**
 * What `csi --help` lists, so that it loads no command (all of them load most of the server,
 * ~0.5 s). test/server/cli/cli.test.ts keeps it equal to the commands' own help.
 */
export const commandList: Record<string, [term: string, description: string]> = {
  serve: ['serve', 'serve the respondent pages, dashboard and API (same as npm start)'],
  wave: ['wave', 'create and manage waves'],
  contacts: ['contacts', "a wave's contact list"],
  invite: [
    'invite [options]',
    'email an invitation to every contact of a wave not yet invited; resumable, never twice',
  ],
  remind: [
    'remind [options]',
    'email a reminder to invitees who have neither responded nor opted out',
  ],
  responses: ['responses', "a wave's responses"],
  export: [
    'export [options]',
    "print a wave's responses as CSV (columns: README.md, Responses CSV) on stdout",
  ],
  report: [
    'report [options] [responses.csv]',
    'the CSI report of a responses CSV (no server or database needed), or of --wave',
  ],
  user: ['user', 'manage dashboard users'],
  apikey: ['apikey', 'API keys for scripts and CRMs'],
  webhook: ['webhook', 'outgoing webhooks to a CRM'],
  settings: [
    'settings',
    'programme settings: bands, scale, anonymity thresholds, contact frequency, alert emails, brand and languages',
  ],
  survey: ['survey', "the programme's surveys"],
  catalogue: ['catalogue', "the programme's attribute catalogue (CSV export and import)"],
  aggregates: ['aggregates', 'report aggregates (repair path)'],
  demo: [
    'demo [options]',
    'add demo waves (customers Q2 and Q4, wholesalers, employees) with responses',
  ],
}

/** The program with one command fully registered, or with every command listed for help. */
async function program(argv: readonly string[], io: CliIo) {
  const csi = new Command('csi')
    .description('CSI Toolkit: customer satisfaction surveys and reports')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (s) => void io.stdout(s), writeErr: io.stderr })
    .exitOverride()
  const name = (argv[0] === 'help' ? argv[1] : argv[0]) ?? ''
  if (Object.hasOwn(commands, name)) {
    ;(await commands[name]!())(csi, io)
    return csi
  }
  const help = new Help()
  csi.configureHelp({
    subcommandTerm: (cmd) => commandList[cmd.name()]?.[0] ?? help.subcommandTerm(cmd),
  })
  for (const [name, [, description]] of Object.entries(commandList))
    csi.command(name).description(description)
  return csi
}

/**
 * Runs `csi <argv…>` and resolves to its exit code: usage errors and CliErrors are reported on
 * io.stderr; anything else is a bug and rejects. `serve` resolves once the server listens.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    await (await program(argv, io)).parseAsync(argv, { from: 'user' })
    return 0
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode
    if (err instanceof CliError) {
      io.stderr(`csi: ${err.message}\n`)
      return err.exitCode
    }
    throw err
  }
}
