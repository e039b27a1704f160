import type { Knex } from '@mikro-orm/knex';

/**
 * The primitive under Db (database/db.ts), which is what repositories use.
 * Runs SQL with `?` placeholders through knex, which sends a JS array as one
 * array parameter (for `unnest(?::text[])` bulk statements), and returns the
 * rows and affected-row count.
 */
export async function sql<T = Record<string, unknown>>(
  db: Knex | Knex.Transaction,
  text: string,
  bindings: readonly unknown[] = [],
): Promise<{ rows: T[]; rowCount: number }> {
  const result = await db.raw<{ rows: T[]; rowCount: number | null }>(text, bindings as Knex.RawBinding[]);
  return { rows: result.rows, rowCount: result.rowCount ?? 0 };
}
