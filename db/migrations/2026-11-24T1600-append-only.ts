import { PostgresAdapter, SqliteAdapter, sql, type Kysely } from "kysely";

/*
 * History is appended, never rewritten, and the database itself holds to that: an UPDATE or DELETE on an
 * event, a reported value or an audit row fails whatever code (or console session) attempts it. INSERT stays
 * allowed. The audit log's hash chain (app/models/audit.server.ts) is what shows tampering by someone who
 * drops these triggers first; the triggers stop the honest mistakes.
 *
 * Engine-specific SQL, the one place in the migrations: SQLite and PostgreSQL write triggers differently.
 * Frozen in time: never import app code here.
 */

const APPEND_ONLY_TABLES = ["assignment_events", "event_target_values", "audit_log"] as const;

/** Columns whose duplicate would let SQLite's INSERT OR REPLACE delete the existing row (see below). */
const UNIQUE_COLUMNS: Record<(typeof APPEND_ONLY_TABLES)[number], string[]> = {
  assignment_events: ["id", "idempotency_key"],
  event_target_values: ["id"],
  audit_log: ["id", "seq"],
};

function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  // Better to stop than to leave history unprotected without anyone noticing.
  throw new Error(`append-only migration: unsupported database adapter ${adapter.constructor.name}`);
}

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    await sql`
      create function forbid_history_rewrite() returns trigger language plpgsql as $$
      begin
        raise exception '% is append-only', tg_table_name;
      end;
      $$`.execute(db);
    for (const table of APPEND_ONLY_TABLES) {
      // Row triggers do not see TRUNCATE; a statement trigger does.
      await sql
        .raw(
          `create trigger ${table}_append_only before update or delete on ${table} ` +
            `for each row execute function forbid_history_rewrite()`,
        )
        .execute(db);
      await sql
        .raw(`create trigger ${table}_no_truncate before truncate on ${table} for each statement execute function forbid_history_rewrite()`)
        .execute(db);
    }
    return;
  }

  // SQLite. Table names come from the fixed list above; DDL takes no bound parameters.
  for (const table of APPEND_ONLY_TABLES) {
    const message = `'${table} is append-only'`;
    await sql.raw(`create trigger ${table}_no_update before update on ${table} begin select raise(abort, ${message}); end`).execute(db);
    await sql.raw(`create trigger ${table}_no_delete before delete on ${table} begin select raise(abort, ${message}); end`).execute(db);
    // INSERT OR REPLACE deletes the clashing row without firing delete triggers (unless the connection has
    // recursive_triggers on), so refuse an insert that would replace one. A plain duplicate insert fails
    // either way; only its message changes.
    const clash = UNIQUE_COLUMNS[table].map((column) => `${column} = new.${column}`).join(" or ");
    await sql
      .raw(
        `create trigger ${table}_no_replace before insert on ${table} ` +
          `when exists (select 1 from ${table} where ${clash}) begin select raise(abort, ${message}); end`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    for (const table of APPEND_ONLY_TABLES) {
      await sql.raw(`drop trigger ${table}_append_only on ${table}`).execute(db);
      await sql.raw(`drop trigger ${table}_no_truncate on ${table}`).execute(db);
    }
    await sql`drop function forbid_history_rewrite()`.execute(db);
    return;
  }
  for (const table of APPEND_ONLY_TABLES) {
    for (const suffix of ["no_update", "no_delete", "no_replace"]) await sql.raw(`drop trigger ${table}_${suffix}`).execute(db);
  }
}
