import { createHash } from "node:crypto";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { sql } from "kysely";
import { isPostgres } from "../utils/sql-dialect";

/*
 * The audit log: every write, append-only, hash-chained. Each row's hash is SHA-256 over the previous row's
 * hash and this row's content, so altering, removing or reordering any row breaks every hash after it.
 * Call recordAudit inside the transaction that makes the change: the change and its record land together.
 */

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  actorUserId: string | null;
  /** What happened, as "<entity>.<verb>": "meeting.create", "meeting.publish", "speaker.delete"… */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

interface HashedContent {
  seq: number;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export function auditHash(prevHash: string, content: HashedContent): string {
  // The canonical array is [seq, ...the rest]: its text is "[<seq>," and then canonicalTail's.
  return createHash("sha256").update(prevHash).update("\n").update(`[${JSON.stringify(content.seq)},`).update(canonicalTail(content)).digest("hex");
}

/**
 * The canonical content after its seq: JSON of the remaining fields in a fixed order (the hash must not depend on
 * how an object happened to be built), without the opening bracket. On PostgreSQL the database numbers the row
 * and hashes this with it (migration 2026-12-06T0900-audit-append-function), so both hashes are one text.
 */
function canonicalTail(content: Omit<HashedContent, "seq">): string {
  return JSON.stringify([
    content.occurred_at,
    content.actor_user_id,
    content.action,
    content.entity_type,
    content.entity_id,
    content.before_json,
    content.after_json,
  ]).slice(1);
}

const toJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export async function recordAudit(db: DB, entry: AuditEntry): Promise<void> {
  // The chain lock lasts until the transaction ends, so a caller outside one gets a transaction of its own.
  if (!db.isTransaction) return db.transaction().execute((trx) => recordAudit(trx, entry));
  const content: Omit<HashedContent, "seq"> = {
    occurred_at: timestamp(),
    actor_user_id: entry.actorUserId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: toJson(entry.before),
    after_json: toJson(entry.after),
  };
  // Writers wait for each other from the chain lock until commit: on PostgreSQL the lock, the read of the last
  // row and the insert are one round trip.
  if (isPostgres(db)) {
    await sql`select append_audit(${newId()}, ${content.occurred_at}, ${content.actor_user_id}, ${content.action}, ${content.entity_type},
      ${content.entity_id}, ${content.before_json}, ${content.after_json}, ${canonicalTail(content)})`.execute(db);
    return;
  }
  // SQLite: the transaction already holds the one write lock.
  const last = await db.selectFrom("audit_log").select(["seq", "hash"]).orderBy("seq", "desc").limit(1).executeTakeFirst();
  const numbered = { seq: (last ? Number(last.seq) : 0) + 1, ...content };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto("audit_log")
    .values({ id: newId(), ...numbered, prev_hash: prevHash, hash: auditHash(prevHash, numbered) })
    .execute();
}

export type AuditVerdict = { ok: true; rows: number; head: string } | { ok: false; rows: number; brokenSeq: number; brokenId: string; reason: string };

/** Walks the chain in order; names the first row whose link or content does not match. */
export async function verifyAuditChain(db: DB): Promise<AuditVerdict> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  // Read in pages so a long log does not sit in memory at once.
  for (let after = 0; ; ) {
    const page = await db.selectFrom("audit_log").selectAll().where("seq", ">", after).orderBy("seq").limit(1000).execute();
    if (page.length === 0) break;
    for (const row of page) {
      const seq = Number(row.seq);
      const broken = (reason: string): AuditVerdict => ({ ok: false, rows, brokenSeq: seq, brokenId: row.id, reason });
      if (seq !== expectedSeq) return broken(`expected seq ${expectedSeq}, found ${seq} (a row is missing)`);
      if (row.prev_hash !== prevHash) return broken("prev_hash does not match the previous row's hash");
      const hash = auditHash(prevHash, { ...row, seq });
      if (hash !== row.hash) return broken("content does not match its hash (the row was altered)");
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
      after = seq;
    }
  }
  return { ok: true, rows, head: prevHash };
}
