import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Command } from 'commander'
import type { Store } from '../db/client'
import { audiences, type Audience } from '../db/schema'
import { getSurvey } from '../db/surveys'
import { ApiError } from '../lib/errors'
import { createSurvey, slugOf, titleOf, updateSurvey } from '../programme/survey-import'
import { SURVEY_ID } from '../programme/survey-bodies'
import { listManagedSurveys, surveyDetail, surveyVersion } from '../programme/survey-views'
import { parseRoleMapping } from '../surveys/role-mapping'
import type { SurveyDefinition } from '../surveys/types'
import { CliError } from './cli-error'
import { openCliStore } from './context'
import type { CliIo } from './io'

type ImportOpts = { audience?: string; id?: string; map?: string[]; title?: string }

async function readDefinition(file: string): Promise<SurveyDefinition> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    throw new CliError(`<file.json>: cannot read ${file} (${(err as NodeJS.ErrnoException).code})`)
  }
  let json: unknown
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch (err) {
    throw new CliError(`${file}: not JSON (${(err as Error).message})`)
  }
  if (!json || typeof json !== 'object' || Array.isArray(json))
    throw new CliError(`${file}: must be a SurveyJS JSON object`)
  return json as SurveyDefinition
}

/** ApiErrors of the shared import as one CLI message, each problem on its own line. */
function asCliError(file: string) {
  return (err: unknown): never => {
    if (!(err instanceof ApiError)) throw err
    if (!err.issues?.length) throw new CliError(err.message)
    const lines = err.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')
    throw new CliError(`${file} refused, nothing stored:\n${lines}`)
  }
}

async function importSurvey(store: Store, file: string, opts: ImportOpts) {
  const definition = await readDefinition(file)
  let mapping
  try {
    mapping = opts.map ? parseRoleMapping(opts.map) : undefined
  } catch (err) {
    throw new CliError((err as Error).message)
  }
  if (opts.id !== undefined && !SURVEY_ID.test(opts.id))
    throw new CliError(`--id: "${opts.id}" must start with a letter, then a-z, 0-9, - or _ (and not be "new")`)
  const audience = opts.audience as Audience | undefined
  if (audience !== undefined && !audiences.includes(audience))
    throw new CliError(`--audience: "${opts.audience}" is not one of ${audiences.join(', ')}`)
  const title = opts.title ?? titleOf(definition, '')
  const id = opts.id ?? slugOf(title) ?? slugOf(basename(file, '.json'))
  if (!id) throw new CliError('--id: give the survey an id (the title makes none)')
  const existing = await getSurvey(store.db, id)
  const input = { definition, ...(mapping === undefined ? {} : { mapping }) }
  if (existing) {
    if (audience && audience !== existing.audience)
      throw new CliError(`--audience: survey ${id} is a ${existing.audience} survey`)
    return updateSurvey(store, existing, { ...input, title: opts.title }).catch(asCliError(file))
  }
  if (!audience) throw new CliError(`--audience: give one of ${audiences.join(', ')}`)
  return createSurvey(store, { ...input, id, audience, title: title || id }).catch(asCliError(file))
}

async function withStore<T>(io: CliIo, work: (store: Store) => Promise<T>) {
  const { store } = await openCliStore(io)
  try {
    return await work(store)
  } finally {
    store.close()
  }
}

const notFound = (option: string) => (err: unknown) => {
  if (err instanceof ApiError && err.code === 'NOT_FOUND')
    throw new CliError(`${option}: ${err.message}`)
  throw err
}

export function registerSurvey(program: Command, io: CliIo) {
  const survey = program.command('survey').description("the programme's surveys")
  survey
    .command('import')
    .description('add a survey, or a new version of it; prints its id and version')
    .argument('<file.json>', 'a SurveyJS JSON definition (e.g. saved by SurveyJS Creator)')
    .option('--audience <audience>', `who answers it: ${audiences.join(', ')}`)
    .option('--id <id>', 'survey id (default: from its title)')
    .option('--title <title>', 'title in lists (default: the survey title)')
    .option(
      '--map <role=question...>',
      'which question plays a report role: overall, rebuy, attributes, importance, attitude, segments',
    )
    .action(async (file: string, opts: ImportOpts) => {
      const saved = await withStore(io, (store) => importSurvey(store, file, opts))
      const note = saved.created ? '' : ' (unchanged)'
      await io.stdout(`${saved.id} v${saved.version}${note}\n`)
    })
  survey
    .command('list')
    .description('the surveys with their current version and waves')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const surveys = await withStore(io, (store) => listManagedSurveys(store.db, null))
      if (opts.json) return void (await io.stdout(`${JSON.stringify(surveys, null, 2)}\n`))
      for (const s of surveys)
        await io.stdout(
          `${s.id}\t${s.audience}\tv${s.currentVersion}\t${s.waves} wave${s.waves === 1 ? '' : 's'}\t${s.title}\n`,
        )
    })
  survey
    .command('show')
    .description('one survey: its versions, the roles its questions play, its waves')
    .argument('<id>', 'survey id')
    .action(async (id: string) => {
      const d = await withStore(io, (store) =>
        surveyDetail(store.db, null, id).catch(notFound('<id>')),
      )
      const r = d.roles
      const lines = [
        `${d.survey.id}: ${d.survey.title} (${d.survey.audience}), current version ${d.survey.currentVersion}`,
        'Versions:',
        ...d.versions.map(
          (v) => `  v${v.version}  ${v.createdAt.slice(0, 10)}  ${v.waves} wave(s)`,
        ),
        'Roles:',
        `  overall: ${r.overall ?? '—'}`,
        `  rebuy: ${r.rebuy ?? '—'}`,
        `  attributes: ${r.attributes.map((a) => a.key).join(', ') || '—'}`,
        `  importance: ${r.importance.join(', ') || '—'}`,
        `  attitude: ${r.attitude.join(', ') || '—'}`,
        `  segments: ${r.segments.join(', ') || '—'}`,
        ...(d.mapping ? [`Mapping: ${JSON.stringify(d.mapping)}`] : []),
        ...(d.problems.length
          ? [
              'Problems (no wave can run on it):',
              ...d.problems.map((p) => `  ${p.path}: ${p.message}`),
            ]
          : []),
      ]
      await io.stdout(`${lines.join('\n')}\n`)
    })
  survey
    .command('export')
    .description('print a version as SurveyJS JSON (SurveyJS Creator opens it)')
    .argument('<id>', 'survey id')
    .option('--version <n>', 'version (default: the current one)')
    .action(async (id: string, opts: { version?: string }) => {
      const version = opts.version === undefined ? undefined : Number(opts.version)
      if (version !== undefined && !(Number.isInteger(version) && version >= 1))
        throw new CliError(`--version: "${opts.version}" must be a version number`)
      const definition = await withStore(io, async (store) => {
        const s = await getSurvey(store.db, id)
        if (!s) throw new CliError(`<id>: no survey "${id}"`)
        return (
          await surveyVersion(store.db, id, version ?? s.currentVersion).catch(
            notFound('--version'),
          )
        ).definition
      })
      await io.stdout(`${JSON.stringify(definition, null, 2)}\n`)
    })
}
