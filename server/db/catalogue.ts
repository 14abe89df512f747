import { asc } from 'drizzle-orm'
import type { CatalogueItem } from '../surveys/catalogue-items'
import type { Statement } from './atomic'
import type { Db, Store } from './client'
import { catalogueItems } from './schema'

// D1 binds at most 100 parameters per statement; an item row binds 7.
const ROWS_PER_STATEMENT = 14

/** The programme's saved catalogue in its order; empty when it has never saved one. */
export async function listCatalogue(db: Db): Promise<CatalogueItem[]> {
  const rows = await db.select().from(catalogueItems).orderBy(asc(catalogueItems.position))
  return rows.map(({ key, kind, label, description, audiences }) => ({
    key,
    kind,
    label,
    description,
    audiences,
  }))
}

/** Replaces the whole catalogue, all or nothing; the list's order becomes `position`. */
export async function replaceCatalogue({ db, atomic }: Store, items: readonly CatalogueItem[]) {
  const updatedAt = new Date()
  const rows = items.map((item, position) => ({ ...item, position, updatedAt }))
  const statements: [Statement, ...Statement[]] = [db.delete(catalogueItems)]
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    statements.push(db.insert(catalogueItems).values(rows.slice(i, i + ROWS_PER_STATEMENT)))
  }
  await atomic(statements)
}
