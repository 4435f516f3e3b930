import { PostgresAdapter, SqliteAdapter, sql, type Kysely } from "kysely";

/*
 * A version number for the execution data the oversight pages aggregate: every insert, update or delete on
 * these tables bumps it, whoever makes the change (the app, another app server, a console session). The
 * controller dashboard keeps its figures for as long as the version stays the same (app/utils/snapshot.server.ts),
 * so a national-size aggregation runs once per change instead of once per request, and is never stale.
 *
 * Triggers rather than app code so no write path can forget it. Engine-specific, like the append-only migration.
 * Frozen in time: never import app code here.
 */

const VERSIONED_TABLES = ["meetings", "instructions", "assignments", "assignment_events", "organizations"] as const;

function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error(`data-versions migration: unsupported database adapter ${adapter.constructor.name}`);
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_versions")
    .addColumn("name", "text", (col) => col.primaryKey())
    .addColumn("version", "bigint", (col) => col.notNull())
    .execute();
  await db.insertInto("data_versions").values({ name: "execution", version: 1 }).execute();

  if (engineOf(db) === "postgres") {
    await sql`
      create function bump_execution_version() returns trigger language plpgsql as $$
      begin
        update data_versions set version = version + 1 where name = 'execution';
        return null;
      end;
      $$`.execute(db);
    for (const table of VERSIONED_TABLES) {
      // One bump per statement is enough: the version only has to differ, not count rows.
      await sql
        .raw(
          `create trigger ${table}_bump_version after insert or update or delete or truncate on ${table} ` +
            `for each statement execute function bump_execution_version()`,
        )
        .execute(db);
    }
    return;
  }

  // SQLite has row triggers only. Table names come from the fixed list above.
  for (const table of VERSIONED_TABLES) {
    for (const event of ["insert", "update", "delete"]) {
      await sql
        .raw(
          `create trigger ${table}_bump_version_${event} after ${event} on ${table} ` +
            `begin update data_versions set version = version + 1 where name = 'execution'; end`,
        )
        .execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    for (const table of VERSIONED_TABLES) await sql.raw(`drop trigger ${table}_bump_version on ${table}`).execute(db);
    await sql`drop function bump_execution_version()`.execute(db);
  } else {
    for (const table of VERSIONED_TABLES) {
      for (const event of ["insert", "update", "delete"]) await sql.raw(`drop trigger ${table}_bump_version_${event}`).execute(db);
    }
  }
  await db.schema.dropTable("data_versions").execute();
}
