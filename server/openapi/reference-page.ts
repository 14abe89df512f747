import { escapeHtml as e } from '../lib/html'
import type { OpenApiDocument } from './describe-api'

type Op = OpenApiDocument['paths'][string][string]

/** The OpenAPI description as one readable HTML page, grouped by resource; no script. */
export function referencePage(doc: OpenApiDocument) {
  const groups = new Map<string, string[]>()
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags[0] ?? 'api'
      groups.set(tag, [...(groups.get(tag) ?? []), operation(method, path, op)])
    }
  const tags = [...groups.keys()].sort()
  const toc = tags.map((t) => `<li><a href="#${e(t)}">${e(t)}</a></li>`).join('')
  const sections = tags
    .map((t) => `<section id="${e(t)}"><h2>/api/${e(t)}</h2>${groups.get(t)!.join('')}</section>`)
    .join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>API reference · CSI Toolkit</title><link rel="stylesheet" href="/api/docs/reference.css"></head><body><header><h1>${e(doc.info.title)}</h1><p>${e(doc.info.description)}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${e(doc.openapi)}).</p><nav aria-label="Resources"><ul>${toc}</ul></nav></header><main>${sections}</main></body></html>`
}

function operation(method: string, path: string, op: Op) {
  const who = !op['x-roles']
    ? 'public'
    : Array.isArray(op['x-roles'])
      ? op['x-roles'].join(', ')
      : op['x-roles']
  const params = op.parameters?.length
    ? `<table><caption>Parameters</caption><thead><tr><th scope="col">name</th><th scope="col">in</th><th scope="col">schema</th></tr></thead><tbody>${op.parameters
        .map(
          (p) =>
            `<tr><td><code>${e(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${p.in}</td><td><code>${e(JSON.stringify(p.schema))}</code></td></tr>`,
        )
        .join('')}</tbody></table>`
    : ''
  const body = op.requestBody
    ? `<h4>Request body (application/json)</h4><pre>${e(JSON.stringify(op.requestBody.content['application/json']!.schema, null, 2))}</pre>`
    : ''
  const answers = Object.entries(op.responses)
    .map(([status, r]) => {
      const [media, content] = Object.entries(r.content ?? {})[0] ?? []
      const schema = content?.schema
      const shape =
        schema && !('$ref' in schema) && Object.keys(schema).length > 1
          ? `<pre>${e(JSON.stringify(schema, null, 2))}</pre>`
          : ''
      return `<li><strong>${e(status)}</strong> ${e(r.description)}${media ? ` <code>${e(media)}</code>` : ''}${shape}</li>`
    })
    .join('')
  return `<article id="${e(op.operationId)}"><h3><span class="method ${e(method)}">${e(method.toUpperCase())}</span> <code>${e(path)}</code></h3><p>${e(op.summary)}</p><p class="who">Who: ${e(who)}${op.description ? `. ${e(op.description)}` : ''}</p>${params}${body}<h4>Answers</h4><ul class="answers">${answers}</ul></article>`
}

export const referenceCss = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1f2933;background:#f7f8fa}
header,main{max-width:60rem;margin:0 auto;padding:1rem}
header{border-bottom:1px solid #d9dee3}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
h3{font-size:1rem;margin:0 0 .25rem;overflow-wrap:anywhere}
h4{font-size:.9rem;margin:.75rem 0 .25rem}
nav ul{display:flex;flex-wrap:wrap;gap:.5rem 1rem;list-style:none;padding:0}
article{background:#fff;border:1px solid #d9dee3;border-radius:6px;padding:.75rem 1rem;margin:.75rem 0}
.method{display:inline-block;min-width:4.2rem;text-align:center;border-radius:4px;padding:0 .4rem;color:#fff;font-size:.8rem;background:#52606d}
.method.get{background:#1d6fa5}.method.post{background:#2f7d32}.method.put,.method.patch{background:#8a5a00}.method.delete{background:#b42318}
.who{color:#52606d;margin:.25rem 0}
.req{color:#b42318;font-size:.8rem}
pre{background:#f0f2f5;padding:.5rem;overflow:auto;max-height:20rem;font-size:.8rem}
table{border-collapse:collapse;width:100%;font-size:.85rem;display:block;overflow-x:auto}
caption{text-align:left;font-weight:600}
th,td{border-bottom:1px solid #e4e7eb;padding:.25rem .5rem;text-align:left;vertical-align:top}
td code{overflow-wrap:anywhere}
.answers{padding-left:1.2rem}
a{color:#1d6fa5}
`
