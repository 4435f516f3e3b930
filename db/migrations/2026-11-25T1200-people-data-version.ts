import { PostgresAdapter, SqliteAdapter, sql, type Kysely } from "kysely";

/*
 * People join the versioned tables (2026-11-25T0000-data-versions): the register's filter lists (organizations,
 * chairs) are kept per data version, and a chair's name is a person's. Same triggers as there, one more table.
 * Frozen in time: never import app code here.
 */

function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error(`people-data-version migration: unsupported database adapter ${adapter.constructor.name}`);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`create trigger people_bump_version after insert or update or delete or truncate on people for each statement execute function bump_execution_version()`.execute(db);
    return;
  }
  for (const event of ["insert", "update", "delete"]) {
    await sql
      .raw(`create trigger people_bump_version_${event} after ${event} on people begin update data_versions set version = version + 1 where name = 'execution'; end`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`drop trigger people_bump_version on people`.execute(db);
    return;
  }
  for (const event of ["insert", "update", "delete"]) await sql.raw(`drop trigger people_bump_version_${event}`).execute(db);
}
