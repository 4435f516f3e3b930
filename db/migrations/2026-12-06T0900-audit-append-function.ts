import { PostgresAdapter, sql, type Kysely } from "kysely";

/*
 * PostgreSQL only: one audit row is appended in one round trip. Writers serialize on the audit chain from the
 * moment they take its lock until they commit; with the lock, the read of the last row and the insert as three
 * statements, that section was three round trips through a busy app server's event loop plus the commit, and
 * concurrent reports queued behind it (35 ms a report waiting for the lock at 20 connections).
 * The function takes the lock, then reads the last row (a volatile function's statements each take a fresh
 * snapshot, so it sees the commit it waited for) and inserts the next one, hashing it as the app does:
 * SHA-256 over prev_hash, "\n" and the canonical JSON array, whose text after "[<seq>," the app sends (`tail`).
 * SQLite has one writer at a time and keeps the app-side path. Frozen in time: never import app code here.
 */

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function append_audit(
      p_id text, p_occurred_at text, p_actor_user_id text, p_action text, p_entity_type text, p_entity_id text,
      p_before_json text, p_after_json text, p_tail text
    ) returns void language plpgsql volatile as $$
    declare
      last_seq integer;
      last_hash text;
    begin
      -- The same key the app's lock used: "audit" in ASCII.
      perform pg_advisory_xact_lock(${sql.lit(0x6175646974)});
      select seq, hash into last_seq, last_hash from audit_log order by seq desc limit 1;
      last_seq := coalesce(last_seq, 0);
      last_hash := coalesce(last_hash, repeat('0', 64));
      insert into audit_log (id, seq, occurred_at, actor_user_id, action, entity_type, entity_id, before_json, after_json, prev_hash, hash)
      values (
        p_id, last_seq + 1, p_occurred_at, p_actor_user_id, p_action, p_entity_type, p_entity_id, p_before_json, p_after_json, last_hash,
        encode(sha256(convert_to(last_hash || chr(10) || '[' || (last_seq + 1)::text || ',' || p_tail, 'UTF8')), 'hex')
      );
    end;
    $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop function append_audit(text, text, text, text, text, text, text, text, text)`.execute(db);
}
