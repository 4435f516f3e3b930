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
