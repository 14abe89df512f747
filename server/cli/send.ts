import { Option } from 'commander'
import type { Command } from 'commander'
import type { Store } from '../db/client'
import { enqueueInvitations, enqueueReminders, pendingSummary } from '../db/outbox'
import { ensureAuthSecret } from '../db/settings'
import type { Wave } from '../db/waves'
import { getWave, waveState } from '../db/waves'
import type { SendTotals } from '../distribution/send-outbox'
import { sendOutbox } from '../distribution/send-outbox'
import type { NodeEnv } from '../node/config'
import { nodeMailer, nodeSender } from '../node/mail-config'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'
import { progressBar } from './progress'

type SendOpts = {
  wave: string
  concurrency: string
  retryWait: string
  retryBase?: string
  lease?: string
}

const int = (value: string, option: string, min: number) => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < min)
    throw new CliError(`${option}: "${value}" must be a whole number ≥ ${min}`)
  return n
}

function sendOptions(cmd: Command) {
  return cmd
    .requiredOption('--wave <id>', 'wave id')
    .option('--concurrency <n>', 'messages in flight at once (SMTP connections)', '8')
    .option(
      '--retry-wait <seconds>',
      'how long to wait for temporary failures to be retried before stopping',
      '120',
    )
    .addOption(new Option('--retry-base <ms>', 'first retry delay (tests)').hideHelp())
    .addOption(
      new Option('--lease <ms>', 'how long a message is reserved for this run (tests)').hideHelp(),
    )
}

/**
 * Sends a wave's queued messages with a progress bar; Ctrl-C stops leasing new ones, lets the
 * messages in flight finish and be marked, and a rerun carries on where it stopped.
 */
async function deliver(io: CliIo, store: Store, env: NodeEnv, wave: Wave, opts: SendOpts) {
  const concurrency = int(opts.concurrency, '--concurrency', 1)
  const mailer = nodeMailer(env, concurrency)
  const { pending } = await pendingSummary(store.db, wave.id)
  const bar = progressBar(
    io,
    `sending {bar} {value}/{total} | {sent} sent, {bounced} bounced, {retrying} to retry`,
    pending,
  )
  const stop = new AbortController()
  const onSignal = () => stop.abort()
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  let totals: SendTotals
  try {
    totals = await sendOutbox(store, {
      mailer,
      publicUrl: env.PUBLIC_URL,
      ...nodeSender(env),
      secret: env.AUTH_SECRET ?? (await ensureAuthSecret(store.db)),
      waveId: wave.id,
      concurrency,
      retryBaseMs: opts.retryBase ? int(opts.retryBase, '--retry-base', 1) : undefined,
      leaseMs: opts.lease ? int(opts.lease, '--lease', 100) : undefined,
      waitForRetriesMs: int(opts.retryWait, '--retry-wait', 0) * 1000,
      signal: stop.signal,
      onProgress: (t) => bar?.update(t.sent + t.bounced + t.failed + t.cancelled, t),
    })
  } catch (err) {
    throw new CliError(
      `${mailer.description}: ${(err as Error).message}; the messages stay queued, run again to retry`,
    )
  } finally {
    bar?.stop()
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await mailer.close()
  }
  const left = await pendingSummary(store.db, wave.id)
  const parts = [
    `${totals.sent} sent`,
    `${totals.bounced} bounced`,
    `${totals.failed} failed`,
    `${totals.cancelled} cancelled`,
  ]
  await io.stdout(`${parts.join(', ')} (to ${mailer.description})\n`)
  if (left.pending) {
    const when = stop.signal.aborted
      ? 'stopped by you'
      : `next retry ${left.nextAt?.toISOString() ?? 'now'}`
    await io.stdout(`${left.pending} still queued (${when}); run the command again to continue.\n`)
  }
}

async function openWave(io: CliIo, waveId: string) {
  const { env, store } = await openCliStore(io)
  const wave = await getWave(store.db, waveId)
  if (!wave) {
    store.close()
    throw new CliError(`--wave: no wave "${waveId}"`)
  }
  const state = waveState(wave, new Date())
  if (state === 'closed') {
    store.close()
    throw new CliError(`--wave: ${waveId} is closed; its links no longer work, so nothing was sent`)
  }
  return { env, store, wave }
}

export function registerSend(program: Command, io: CliIo) {
  sendOptions(
    program
      .command('invite')
      .description(
        'email an invitation to every contact of a wave not yet invited; resumable, never twice',
      ),
  ).action(async (opts: SendOpts) => {
    const { env, store, wave } = await openWave(io, opts.wave)
    try {
      const host = new URL(env.PUBLIC_URL).hostname
      const queued = await enqueueInvitations(store, wave.id, host, new Date())
      await io.stdout(`Queued ${queued} new invitation${queued === 1 ? '' : 's'} for ${wave.id}\n`)
      await deliver(io, store, env, wave, opts)
    } finally {
      store.close()
    }
  })
  sendOptions(
    program
      .command('remind')
      .description('email a reminder to invitees who have neither responded nor opted out')
      .option('--after-days <n>', "days since the last message (default: the wave's setting)")
      .option('--max <n>', "reminders per invitee at most (default: the wave's setting)"),
  ).action(async (opts: SendOpts & { afterDays?: string; max?: string }) => {
    const { env, store, wave } = await openWave(io, opts.wave)
    try {
      const rule = {
        afterDays:
          opts.afterDays === undefined
            ? wave.remindAfterDays
            : int(opts.afterDays, '--after-days', 0),
        max: opts.max === undefined ? wave.maxReminders : int(opts.max, '--max', 0),
      }
      const host = new URL(env.PUBLIC_URL).hostname
      const queued = await enqueueReminders(store, wave.id, rule, host, new Date())
      await io.stdout(
        `Queued ${queued} reminder${queued === 1 ? '' : 's'} for ${wave.id} (after ${rule.afterDays} days, at most ${rule.max} each)\n`,
      )
      await deliver(io, store, env, wave, opts)
    } finally {
      store.close()
    }
  })
}
