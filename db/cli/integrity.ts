// The checks an official record must pass after a crash, a backup or a restore: SQLite's own page-level
// integrity check, every foreign key, and the audit hash chain.
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { verifyAuditChain, type AuditVerdict } from "../../app/models/audit.server";
import type { DB } from "../../app/utils/db.server";
import type { Database } from "../../app/utils/db-schema";

export interface IntegrityReport {
  ok: boolean;
  integrity: string;
  foreignKeyViolations: number;
  audit: AuditVerdict;
  problems: string[];
}

export async function checkDatabase(db: DB): Promise<IntegrityReport> {
  const integrity = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows.map((row) => row.integrity_check).join("; ");
  const foreignKeyViolations = (await sql`pragma foreign_key_check`.execute(db)).rows.length;
  const audit = await verifyAuditChain(db);
  const problems: string[] = [];
  if (integrity !== "ok") problems.push(`integrity_check: ${integrity}`);
  if (foreignKeyViolations) problems.push(`${foreignKeyViolations} foreign key violations`);
  if (!audit.ok) problems.push(`audit chain broken at seq ${audit.brokenSeq}: ${audit.reason}`);
  return { ok: problems.length === 0, integrity, foreignKeyViolations, audit, problems };
}

/** Read-only: checking a backup must not turn it into a WAL database or touch it in any way. */
export async function checkDatabaseFile(file: string): Promise<IntegrityReport> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }) });
  try {
    return await checkDatabase(db);
  } finally {
    await db.destroy();
  }
}
