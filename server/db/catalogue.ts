import { asc } from 'drizzle-orm'
import type { CatalogueItem } from '../surveys/catalogue-items'
import type { Statement } from './atomic'
import type { Db, Store } from './client'
import { catalogueItems } from './schema'

// D1 binds at most 100 parameters per statement; an item row binds 8.
const ROWS_PER_STATEMENT = 12

/** The programme's saved catalogue in its order; empty when it has never saved one. */
export async function listCatalogue(db: Db): Promise<CatalogueItem[]> {
  const rows = await db.select().from(catalogueItems).orderBy(asc(catalogueItems.position))
  return rows.map(({ key, kind, label, labels, description, audiences }) => ({
    key,
    kind,
    label,
    ...(labels && Object.keys(labels).length > 0 && { labels }),
    description,
    audiences,
  }))
}

/** Replaces the whole catalogue, all or nothing; the list's order becomes `position`. */
export async function replaceCatalogue({ db, atomic }: Store, items: readonly CatalogueItem[]) {
  const updatedAt = new Date()
  const rows = items.map((item, position) => ({
    ...item,
    labels: item.labels && Object.keys(item.labels).length > 0 ? item.labels : null,
    position,
    updatedAt,
  }))
  const statements: [Statement, ...Statement[]] = [db.delete(catalogueItems)]
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    statements.push(db.insert(catalogueItems).values(rows.slice(i, i + ROWS_PER_STATEMENT)))
  }
  await atomic(statements)
}
