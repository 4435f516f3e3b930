import { PostgresAdapter, sql, type Expression, type RawBuilder } from "kysely";

/*
 * The few expressions the two engines spell differently, in one place. Everything else in the models is
 * plain portable SQL.
 */

/** Any Kysely instance or transaction, whatever its schema. */
type Engine = { getExecutor(): { adapter: unknown } };

export function isPostgres(db: Engine): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Whole days from a "YYYY-MM-DD…" text `earlier` to `later` (both columns or expressions holding ISO text). */
export function daysBetweenSql(db: Engine, later: Expression<unknown>, earlier: Expression<unknown>): RawBuilder<number> {
  return isPostgres(db)
    ? sql<number>`(cast(substr(${later}, 1, 10) as date) - cast(substr(${earlier}, 1, 10) as date))`
    : sql<number>`(julianday(substr(${later}, 1, 10)) - julianday(substr(${earlier}, 1, 10)))`;
}

/** A unique or primary-key constraint refused the write: SQLite's SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
