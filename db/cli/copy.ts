// npm run db:copy -- --to postgres://…: moving up from the embedded SQLite database (DATABASE_URL) to an
// empty PostgreSQL one. Migrates the target, copies every table in foreign-key order in one transaction,
// checks the row count of each table and the audit chain on the target before committing, and says so. The
// source is only read. Exit 0 when the copy is complete and verified; non-zero, with nothing copied, otherwise.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { sql, type Kysely } from "kysely";
import { verifyAuditChain } from "../../app/models/audit.server";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import { createDatabase, migrateToLatest, openSqlite, type DB } from "../../app/utils/db.server";

const BATCH_ROWS = 500;
// Filled on the target by its own triggers from the tables it indexes (migration 2026-11-24T1900).
const DERIVED = new Set(["search_documents"]);
// Created by its migration and bumped by the target's triggers as rows arrive (migration 2026-11-25T0000).
const OWN_STATE = new Set(["data_versions"]);

const { values } = parseArgs({ options: { to: { type: "string" } } });
const source = parseDatabaseUrl(process.env.DATABASE_URL);
const target = values.to ? parseDatabaseUrl(values.to) : null;
if (!target || target.engine !== "postgres") fail(2, "Usage: npm run db:copy -- --to postgres://user:password@host:5432/database");
if (source.engine !== "sqlite") fail(2, "DATABASE_URL must name the SQLite database to copy from.");
if (!fs.existsSync(source.file)) fail(2, `No database at ${source.file} (set DATABASE_URL).`);

class CopyRefused extends Error {}

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

const raw = openSqlite(source.file);
const from = createDatabase(source.file);
const to = createDatabase(values.to);

/** The source's tables, parents before children (foreign keys), without SQLite's, Kysely's and FTS5's own. */
function tablesInOrder(): string[] {
  const names = (
    raw.prepare("select name from sqlite_master where type = 'table' and sql not like 'create virtual table%' collate nocase").all() as { name: string }[]
  )
    .map((row) => row.name)
    .filter((name) => !name.startsWith("sqlite_") && !name.startsWith("kysely_") && !name.startsWith("search_index") && !DERIVED.has(name) && !OWN_STATE.has(name));
  const parents = new Map(
    names.map((name) => [name, (raw.pragma(`foreign_key_list(${name})`) as { table: string }[]).map((fk) => fk.table).filter((t) => t !== name)]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(" → ")}`);
    for (const parent of parents.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of [...names].sort()) visit(name, []);
  return ordered;
}

async function count(db: DB, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db);
  return Number(rows[0].n);
}

async function appliedMigrations(db: DB): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}

try {
  // The source must be at the schema this build migrates the target to, or columns would not line up.
  const targetApplied = await migrateToLatest(to);
  const [sourceMigrations, targetMigrations] = await Promise.all([appliedMigrations(from), appliedMigrations(to)]);
  if (sourceMigrations.join() !== targetMigrations.join()) {
    fail(1, `The source is not at this build's schema (${sourceMigrations.at(-1)} vs ${targetMigrations.at(-1)}): run npm run db:migrate on it first.`);
  }
  if (targetApplied.length) console.log(`Migrated the target: ${targetApplied.length} migrations.`);

  const tables = tablesInOrder();
  for (const table of [...tables, ...DERIVED]) {
    if ((await count(to, table)) > 0) fail(1, `The target is not empty (${table} has rows): db:copy only fills an empty database.`);
  }

  // Copy and verify in one transaction: a copy that does not check out is rolled back, leaving the target empty.
  const report: string[] = [];
  const chain = await to.transaction().execute(async (trx) => {
    for (const table of tables) {
      // Insertion order (rowid): the order in which the source accepted the rows under its own foreign keys.
      const read = raw.prepare(`select rowid as __rowid, * from "${table}" where rowid > ? order by rowid limit ${BATCH_ROWS}`);
      for (let after = -1; ; ) {
        const batch = read.all(after) as Record<string, unknown>[];
        if (batch.length === 0) break;
        after = Number(batch.at(-1)!.__rowid);
        const rows = batch.map(({ __rowid: _, ...row }) => row);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every table, whatever its row type
        await (trx as Kysely<any>).insertInto(table).values(rows).execute();
      }
    }
    let mismatches = 0;
    report.push("table                      source     target");
    for (const table of [...tables, ...DERIVED]) {
      const [expected, actual] = [await count(from, table), await count(trx, table)];
      if (expected !== actual) mismatches += 1;
      report.push(`${table.padEnd(24)} ${String(expected).padStart(8)} ${String(actual).padStart(10)}${expected === actual ? "" : "  MISMATCH"}`);
    }
    if (mismatches > 0) throw new CopyRefused(`Row counts differ in ${mismatches} tables; nothing was committed.`);
    const [sourceChain, targetChain] = [await verifyAuditChain(from), await verifyAuditChain(trx)];
    if (!targetChain.ok) throw new CopyRefused(`Audit chain broken on the target at seq=${targetChain.brokenSeq}: ${targetChain.reason}; nothing was committed.`);
    if (sourceChain.ok && sourceChain.head !== targetChain.head) throw new CopyRefused("The audit chain's head differs between source and target; nothing was committed.");
    return targetChain;
  }).catch((error) => {
    console.log(report.join("\n"));
    if (error instanceof CopyRefused) fail(1, error.message);
    throw error;
  });
  console.log(report.join("\n"));
  console.log(`Copied ${tables.length} tables; row counts match; audit chain intact on the target (${chain.rows} rows, head ${chain.head}).`);
} finally {
  raw.close();
  await from.destroy();
  await to.destroy();
}
