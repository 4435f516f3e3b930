import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createDatabase, type DB } from "../../app/utils/db.server";
import { onPostgresServer, postgresUrl, runPrefix } from "../support/database";
import { freshDatabaseFile } from "../support/server";

/*
 * npm run db:copy -- --to postgres://…: the demo SQLite database copied into an empty PostgreSQL database,
 * counted and chain-checked. PostgreSQL only, on purpose: the target must be a PostgreSQL server, which only
 * `npm run test:pg` provides (TEST_DATABASE_URL); named *.postgres.test.ts, so only that run includes it.
 */

const projectRoot = path.resolve(import.meta.dirname, "../..");

function runCopy(source: string, target: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "db/cli/copy.ts", "--to", target], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: source },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

async function counts(db: DB, tables: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) result[table] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db)).rows[0].n);
  return result;
}

describe("npm run db:copy into PostgreSQL", () => {
  const name = `${runPrefix(inject("testRunId"))}copy_${process.pid}`;
  let sourceFile: string;
  let source: DB;
  let target: DB;

  beforeAll(async () => {
    // The seeded SQLite template exists in a PostgreSQL run too: the embedded database an installation moves up from.
    sourceFile = freshDatabaseFile();
    source = createDatabase(sourceFile);
    await onPostgresServer((client) => client.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`));
    target = createDatabase(postgresUrl(name));
  });
  afterAll(async () => {
    await source?.destroy();
    await target?.destroy();
    await onPostgresServer((client) => client.query(`drop database if exists ${name} with (force)`));
    if (sourceFile) fs.rmSync(path.dirname(sourceFile), { recursive: true, force: true });
  });

  it("copies every row, keeps the audit chain, says so, and refuses to copy twice", async () => {
    const run = await runCopy(sourceFile, postgresUrl(name));
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/row counts match; audit chain intact on the target \(\d+ rows, head [0-9a-f]{64}\)/);

    const tables = ["organizations", "people", "users", "meetings", "speakers", "instructions", "assignments", "assignment_events", "event_target_values", "notifications", "audit_log", "search_documents"];
    expect(await counts(target, tables)).toEqual(await counts(source, tables));
    const [fromChain, toChain] = [await verifyAuditChain(source), await verifyAuditChain(target)];
    expect(toChain).toEqual(fromChain);
    expect(toChain.ok).toBe(true);
    // Kazakh text arrives as written, and the search index was rebuilt from it.
    const instruction = await target.selectFrom("instructions").select("text").where("number", "=", "2").executeTakeFirstOrThrow();
    expect(instruction.text).toMatch(/Антенналық-мачталық құрылыстар/);
    const found = await sql<{ kind: string }>`select kind from search_documents where document @@ to_tsquery('simple', 'антенналық:*')`.execute(target);
    expect(found.rows.length).toBeGreaterThan(0);

    const again = await runCopy(sourceFile, postgresUrl(name));
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("The target is not empty");
    expect((await verifyAuditChain(target)).rows).toBe(toChain.rows);
  });

  it("refuses a target that is not PostgreSQL", async () => {
    const run = await runCopy(sourceFile, path.join(path.dirname(sourceFile), "other.db"));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--to postgres://");
  });
});
