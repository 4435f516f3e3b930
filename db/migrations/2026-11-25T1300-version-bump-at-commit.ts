import { PostgresAdapter, sql, type Kysely } from "kysely";

/*
 * PostgreSQL only: the execution data version (2026-11-25T0000-data-versions) is bumped at commit rather than at
 * the statement. The statement triggers updated the one data_versions row at a report's first write, so its row
 * lock was held through the rest of the transaction and every concurrent writer queued behind it. A deferred
 * constraint trigger runs at commit, once per transaction (a transaction-local setting remembers it ran), so the
 * row is locked only while committing, and the bump still becomes visible together with the data it marks.
 * Constraint triggers are row triggers and never fire on TRUNCATE: that keeps its statement trigger.
 * SQLite runs one writer at a time anyway; its row triggers stay. Frozen in time: never import app code here.
 */

const VERSIONED_TABLES = ["meetings", "instructions", "assignments", "assignment_events", "organizations", "people"] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function bump_execution_version_once() returns trigger language plpgsql as $$
    begin
      if current_setting('tapsyrma.execution_version_bumped', true) is distinct from 'yes' then
        perform set_config('tapsyrma.execution_version_bumped', 'yes', true);
        update data_versions set version = version + 1 where name = 'execution';
      end if;
      return null;
    end;
    $$`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`drop trigger ${table}_bump_version on ${table}`).execute(db);
    await sql
      .raw(
        `create constraint trigger ${table}_bump_version_at_commit after insert or update or delete on ${table} ` +
          `deferrable initially deferred for each row execute function bump_execution_version_once()`,
      )
      .execute(db);
    await sql.raw(`create trigger ${table}_bump_version_on_truncate after truncate on ${table} for each statement execute function bump_execution_version()`).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`drop trigger ${table}_bump_version_on_truncate on ${table}`).execute(db);
    await sql.raw(`drop trigger ${table}_bump_version_at_commit on ${table}`).execute(db);
    await sql
      .raw(`create trigger ${table}_bump_version after insert or update or delete or truncate on ${table} for each statement execute function bump_execution_version()`)
      .execute(db);
  }
  await sql`drop function bump_execution_version_once()`.execute(db);
}
