import { sql } from "kysely";
import type { DB } from "../../app/utils/db.server";
import { isPostgres } from "../../app/utils/sql-dialect";

/** Every row of every table, in a stable order: compare two of these to prove nothing changed. */
export async function snapshotDatabase(db: DB): Promise<Record<string, unknown[]>> {
  const tables = isPostgres(db)
    ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%' order by name`.execute(db)
    : await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' order by name`.execute(db);
  const snapshot: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)} order by 1`.execute(db);
    snapshot[name] = rows.rows;
  }
  return snapshot;
}

/**
 * A value that changes whenever another connection commits a write, and only then: SQLite counts such commits
 * in `data_version`; on PostgreSQL every inserted or updated row carries a newer transaction id (xmin) and a
 * delete changes a count, so each table's row count and newest xmin together do the same.
 */
export async function writeFingerprint(db: DB): Promise<string> {
  if (!isPostgres(db)) return String((await sql<{ data_version: number }>`pragma data_version`.execute(db)).rows[0].data_version);
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by name`.execute(db);
  const parts: string[] = [];
  for (const { name } of tables.rows) {
    const { rows } = await sql<{ n: number; newest: string | null }>`select count(*) as n, max(xmin::text::bigint)::text as newest from ${sql.table(name)}`.execute(db);
    parts.push(`${name}:${rows[0].n}:${rows[0].newest ?? "-"}`);
  }
  return parts.join(" ");
}
