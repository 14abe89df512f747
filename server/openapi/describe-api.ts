import type { RouterRoute } from 'hono/types'
import { z, type ZodType } from 'zod'
import { requiredRoles } from '../auth/require-role'
import { validatorSchemas } from '../lib/validate'
import { errorEnvelope, operationNotes } from './operation-notes'

type JsonSchema = Record<string, unknown>
type Parameter = { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }
type Operation = {
  operationId: string
  summary: string
  description?: string
  tags: string[]
  security?: Record<string, string[]>[]
  'x-roles'?: string[] | 'any signed-in user'
  parameters?: Parameter[]
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: JsonSchema }> }
  >
}
export type OpenApiDocument = {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, Operation>>
  components: Record<string, Record<string, unknown>>
}

/** One JSON Schema (2020-12, the dialect of OpenAPI 3.1) for what a client sends. */
const inputSchema = (schema: ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  return rest as JsonSchema
}

const outputSchema = (schema: ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })
  return rest as JsonSchema
}

/** A Hono path (`/api/waves/:id/report.csv`, `/s/:token{[^/]+}`) in OpenAPI's template form. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z_]\w*)(\{[^}]*\})?/g, '{$1}')

/**
 * The OpenAPI 3.1 description of every `/api` route the app registers, read from the routes
 * themselves: each route's validators give its parameters and body (the same zod schemas that
 * check requests), its requireRole middleware gives who may call it, and ./operation-notes.ts
 * adds summaries and the shapes of the answers.
 */
export function describeApi(routes: readonly RouterRoute[], serverUrl: string): OpenApiDocument {
  const byOperation = new Map<string, RouterRoute[]>()
  for (const r of routes) {
    if (r.method === 'ALL' || !r.path.startsWith('/api/')) continue
    const key = `${r.method} ${r.path}`
    byOperation.set(key, [...(byOperation.get(key) ?? []), r])
  }
  const paths: OpenApiDocument['paths'] = {}
  for (const [key, handlers] of byOperation) {
    const [method, path] = key.split(' ') as [string, string]
    const template = openApiPath(path)
    paths[template] ??= {}
    paths[template][method.toLowerCase()] = operation(key, path, handlers)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CSI Toolkit API',
      version: '1',
      description:
        'The API behind the dashboard, for scripts and CRMs. Authenticate with `Authorization: Bearer <api key>` (keys from `csi apikey create` or the dashboard) or a dashboard session cookie; both are checked by the same per-object rules. Every error answers `{ "error": { "code", "message", "issues"? } }`, each issue naming its field.',
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, scoped to a role' },
        session: { type: 'apiKey', in: 'cookie', name: 'csi.session_token' },
      },
      schemas: { Error: outputSchema(errorEnvelope) },
    },
  }
}

function operation(key: string, path: string, handlers: RouterRoute[]): Operation {
  const note = operationNotes[key]
  const validators = handlers.flatMap((h) => {
    const v = validatorSchemas.get(h.handler)
    return v ? [v] : []
  })
  const roles = handlers.map((h) => requiredRoles.get(h.handler)).find((r) => r !== undefined)
  const parameters: Parameter[] = []
  const param = validators.find((v) => v.target === 'param')
  const paramProps = param ? properties(inputSchema(param.schema)) : {}
  for (const name of [...path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]!)) {
    parameters.push({
      name,
      in: 'path',
      required: true,
      schema: paramProps[name] ?? { type: 'string' },
    })
  }
  const query = validators.find((v) => v.target === 'query')
  if (query) {
    const schema = inputSchema(query.schema)
    const required = new Set((schema.required as string[] | undefined) ?? [])
    for (const [name, s] of Object.entries(properties(schema)))
      parameters.push({ name, in: 'query', required: required.has(name), schema: s })
  }
  const json = validators.find((v) => v.target === 'json')
  const tag = path.split('/')[2] ?? 'api'
  const op: Operation = {
    operationId: key.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, ''),
    summary: note?.summary ?? key,
    tags: [tag],
    responses: {
      [String(note?.status ?? 200)]: {
        description: note?.answer ? 'Success' : 'Success (JSON)',
        content: note?.media
          ? { [note.media]: { schema: { type: 'string' } } }
          : {
              'application/json': {
                schema: note?.answer ? outputSchema(note.answer) : { type: 'object' },
              },
            },
      },
      default: errorResponse('An error in the one envelope'),
    },
  }
  if (validators.length > 0)
    op.responses['400'] = errorResponse('Invalid input: each issue names its field')
  if (parameters.length > 0) op.parameters = parameters
  if (json)
    op.requestBody = {
      required: true,
      content: { 'application/json': { schema: inputSchema(json.schema) } },
    }
  if (roles) {
    op.security = [{ apiKey: [] }, { session: [] }]
    op['x-roles'] = roles.length > 0 ? [...roles] : 'any signed-in user'
    op.description = 'Then checked per object: a wave or survey is for the roles of its audience.'
    op.responses['401'] = errorResponse('No valid session or API key')
    op.responses['403'] = errorResponse('Not for this role, or not for this object')
  }
  return op
}

const properties = (schema: JsonSchema) =>
  (schema.properties as Record<string, JsonSchema> | undefined) ?? {}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
})
