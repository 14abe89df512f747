// The baseline of the HTTP submission benchmark: a bare Hono + better-sqlite3 handler that
// parses the same body and stores it as one row, one synchronous=FULL transaction per request.
import { serve } from '@hono/node-server'
import Database from 'better-sqlite3'
import { Hono } from 'hono'

const db = new Database(process.env.DATABASE_PATH)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.exec(
  'CREATE TABLE IF NOT EXISTS responses (submission_key TEXT PRIMARY KEY, body TEXT NOT NULL)',
)
const insert = db.prepare('INSERT INTO responses (submission_key, body) VALUES (?, ?)')
const store = db.transaction((key, body) => insert.run(key, body))

const app = new Hono()
  .get('/api/health', (c) => c.json({ status: 'ok' }, 200))
  .post('/api/links/:token/responses', async (c) => {
    const body = await c.req.json()
    store(String(body.submissionKey), JSON.stringify(body.data))
    return c.json({ status: 'received' }, 201)
  })
serve({ fetch: app.fetch, port: Number(process.env.PORT) })
process.once('SIGTERM', () => {
  db.close()
  process.exit(0)
})
