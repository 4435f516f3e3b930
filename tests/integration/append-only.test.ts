import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, recordAudit, verifyAuditChain } from "../../app/models/audit.server";
import { createDatabase, migrateToLatest, openSqlite, type DB } from "../../app/utils/db.server";
import { migrations } from "../../db/migrations/index";
import { createAssignmentEvent, createEventTargetValue } from "../factories";
import { freshDatabase, testEngine } from "../support/database";
import { snapshotDatabase } from "../support/snapshot";

/*
 * "Nothing lost, nothing rewritten": events, reported values and the audit log refuse UPDATE and DELETE in the
 * database itself, and `npm run audit:verify` finds a row changed or removed by someone who got past that.
 */

const projectRoot = path.resolve(import.meta.dirname, "../..");
const APPEND_ONLY = ["assignment_events", "event_target_values", "audit_log"] as const;

/** A copy of the demo database, migrated, with one connection open on it. */
type Copy = { file: string; db: DB; drop: () => Promise<void> };

/** A copy of the demo database (`file` is its DATABASE_URL), migrated, with one connection open on it. */
async function openCopy(): Promise<Copy> {
  const fresh = await freshDatabase();
  const db = createDatabase(fresh.url);
  await migrateToLatest(db);
  return { file: fresh.url, db, drop: fresh.drop };
}

async function removeCopy(copy: Copy) {
  await copy.db.destroy();
  await copy.drop();
}

/** What an attacker with the file (or a superuser's console) could do: the guard dropped, a statement run. */
async function tamper(file: string, ...statements: string[]) {
  if (testEngine === "postgres") {
    const raw = new pg.Client({ connectionString: file });
    await raw.connect();
    try {
      await raw.query("drop trigger audit_log_append_only on audit_log");
      for (const statement of statements) await raw.query(statement);
    } finally {
      await raw.end();
    }
    return;
  }
  const raw = openSqlite(file);
  try {
    raw.exec("drop trigger audit_log_no_update; drop trigger audit_log_no_delete;");
    for (const statement of statements) raw.exec(statement);
  } finally {
    raw.close();
  }
}

function runAuditVerify(databaseFile: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), "db/cli/audit-verify.ts"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseFile },
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

async function auditRow(db: DB, seq: number) {
  return db.selectFrom("audit_log").selectAll().where("seq", "=", seq).executeTakeFirstOrThrow();
}

describe("append-only tables", () => {
  let copy: Copy;
  beforeAll(async () => {
    copy = await openCopy();
  });
  afterAll(() => removeCopy(copy));

  it("start with demo rows in each table", async () => {
    for (const table of APPEND_ONLY) {
      const { n } = await copy.db.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
      expect(n, table).toBeGreaterThan(0);
    }
  });

  for (const table of APPEND_ONLY) {
    it(`${table}: UPDATE of one row or all rows fails and changes nothing`, async () => {
      const before = await snapshotDatabase(copy.db);
      const { id } = await copy.db.selectFrom(table).select("id").limit(1).executeTakeFirstOrThrow();
      await expect(sql`update ${sql.table(table)} set id = id || 'x' where id = ${id}`.execute(copy.db)).rejects.toThrow(
        `${table} is append-only`,
      );
      await expect(sql`update ${sql.table(table)} set id = id`.execute(copy.db)).rejects.toThrow(`${table} is append-only`);
      // Nor through an upsert.
      await expect(
        sql`insert into ${sql.table(table)} select * from ${sql.table(table)} where id = ${id} on conflict (id) do update set id = excluded.id`.execute(
          copy.db,
        ),
      ).rejects.toThrow(`${table} is append-only`);
      expect(await snapshotDatabase(copy.db)).toEqual(before);
    });

    it(`${table}: DELETE of one row or all rows fails and changes nothing`, async () => {
      const before = await snapshotDatabase(copy.db);
      const { id } = await copy.db.selectFrom(table).select("id").limit(1).executeTakeFirstOrThrow();
      await expect(copy.db.deleteFrom(table).where("id", "=", id).execute()).rejects.toThrow(`${table} is append-only`);
      await expect(copy.db.deleteFrom(table).execute()).rejects.toThrow(`${table} is append-only`);
      expect(await snapshotDatabase(copy.db)).toEqual(before);
    });

    // Each engine's own way round row triggers: SQLite's INSERT OR REPLACE deletes the clashing row without
    // firing delete triggers; PostgreSQL's TRUNCATE fires no row triggers at all.
    it(`${table}: ${testEngine === "sqlite" ? "INSERT OR REPLACE" : "TRUNCATE"} cannot swap or clear rows out`, async () => {
      const before = await snapshotDatabase(copy.db);
      const { id } = await copy.db.selectFrom(table).select("id").limit(1).executeTakeFirstOrThrow();
      const bypass =
        testEngine === "sqlite"
          ? sql`insert or replace into ${sql.table(table)} select * from ${sql.table(table)} where id = ${id}`
          : sql`truncate ${sql.table(table)} cascade`;
      await expect(bypass.execute(copy.db)).rejects.toThrow(`${table} is append-only`);
      expect(await snapshotDatabase(copy.db)).toEqual(before);
    });
  }

  it("a rejected write inside a transaction rolls the whole transaction back", async () => {
    const before = await snapshotDatabase(copy.db);
    await expect(
      copy.db.transaction().execute(async (trx) => {
        await trx.updateTable("assignments").set({ percent_complete: 99 }).execute();
        await trx.updateTable("assignment_events").set({ body: "rewritten" }).execute();
      }),
    ).rejects.toThrow("assignment_events is append-only");
    expect(await snapshotDatabase(copy.db)).toEqual(before);
  });

  it("still take new rows: an event, its reported value, an audit row", async () => {
    const assignment = await copy.db.selectFrom("assignments").select("id").limit(1).executeTakeFirstOrThrow();
    const target = await copy.db.selectFrom("instruction_targets").select("id").limit(1).executeTakeFirstOrThrow();
    const event = await createAssignmentEvent(copy.db, { assignment_id: assignment.id, kind: "comment", body: "Түзету: жаңа оқиға" });
    await createEventTargetValue(copy.db, { event_id: event.id, target_id: target.id, actual_value: 4200 });
    const { seq: lastSeq } = await copy.db.selectFrom("audit_log").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
    await recordAudit(copy.db, { actorUserId: null, action: "test.append", entityType: "assignment_event", entityId: event.id, after: event });

    expect(await copy.db.selectFrom("assignment_events").select("body").where("id", "=", event.id).executeTakeFirst()).toEqual({
      body: "Түзету: жаңа оқиға",
    });
    expect(await copy.db.selectFrom("event_target_values").select("actual_value").where("event_id", "=", event.id).execute()).toEqual([
      { actual_value: 4200 },
    ]);
    expect((await auditRow(copy.db, Number(lastSeq) + 1)).action).toBe("test.append");
    expect((await verifyAuditChain(copy.db)).ok).toBe(true);
  });

  it("lose their guard when the migration is rolled back, and get it again", async () => {
    const other = await openCopy();
    try {
      // The migration's own down and up, whatever migrations came after it.
      const appendOnly = migrations["2026-11-24T1600-append-only"];
      await appendOnly.down!(other.db);
      await other.db.updateTable("assignment_events").set({ body: "allowed without the guard" }).execute();
      await appendOnly.up(other.db);
      await expect(other.db.updateTable("assignment_events").set({ body: "again" }).execute()).rejects.toThrow("append-only");
    } finally {
      await removeCopy(other);
    }
  });
});

describe("the demo data's audit chain", () => {
  let copy: Copy;
  beforeAll(async () => {
    copy = await openCopy();
  });
  afterAll(() => removeCopy(copy));

  it("is intact and records every seeded row, without password hashes", async () => {
    const verdict = await verifyAuditChain(copy.db);
    expect(verdict.ok).toBe(true);
    const rows = await copy.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    expect(verdict.rows).toBe(rows.length);

    const count = async (table: "organizations" | "users" | "meetings" | "assignments" | "assignment_events") =>
      Number((await copy.db.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
    const audited = (action: string) => rows.filter((row) => row.action === action).length;
    expect(audited("seed.organization.create")).toBe(await count("organizations"));
    expect(audited("seed.user.create")).toBe(await count("users"));
    expect(audited("seed.meeting.create")).toBe(await count("meetings"));
    expect(audited("seed.assignment.create")).toBe(await count("assignments"));
    expect(audited("seed.assignment_event.create")).toBe(await count("assignment_events"));

    const users = rows.filter((row) => row.entity_type === "user");
    expect(users.every((row) => row.after_json && !row.after_json.includes("password_hash") && !row.after_json.includes("$argon2"))).toBe(true);
    // The recorded row is the stored row, Kazakh text included.
    const meeting = await copy.db.selectFrom("meetings").select(["id", "title"]).executeTakeFirstOrThrow();
    const meetingAudit = rows.find((row) => row.entity_type === "meeting" && row.entity_id === meeting.id);
    expect(JSON.parse(meetingAudit?.after_json ?? "{}").title).toBe(meeting.title);
  });
});

describe("verifyAuditChain", () => {
  it("accepts an empty log, with the genesis hash as its head", async () => {
    const copy = await openCopy();
    try {
      await tamper(copy.file, "delete from audit_log");
      expect(await verifyAuditChain(copy.db)).toEqual({ ok: true, rows: 0, head: GENESIS_HASH });
    } finally {
      await removeCopy(copy);
    }
  });

  it("names an altered row", async () => {
    const copy = await openCopy();
    try {
      const row = await auditRow(copy.db, 5);
      await tamper(copy.file, `update audit_log set after_json = '{"forged":true}' where seq = 5`);
      expect(await verifyAuditChain(copy.db)).toEqual({
        ok: false,
        rows: 4,
        brokenSeq: 5,
        brokenId: row.id,
        reason: "content does not match its hash (the row was altered)",
      });
    } finally {
      await removeCopy(copy);
    }
  });

  it("names the row after a removed one", async () => {
    const copy = await openCopy();
    try {
      const next = await auditRow(copy.db, 8);
      await tamper(copy.file, "delete from audit_log where seq = 7");
      expect(await verifyAuditChain(copy.db)).toMatchObject({
        ok: false,
        brokenSeq: 8,
        brokenId: next.id,
        reason: "expected seq 7, found 8 (a row is missing)",
      });
    } finally {
      await removeCopy(copy);
    }
  });

  it("names a row relinked to another predecessor", async () => {
    const copy = await openCopy();
    try {
      const row = await auditRow(copy.db, 3);
      await tamper(copy.file, `update audit_log set prev_hash = '${GENESIS_HASH}' where seq = 3`);
      expect(await verifyAuditChain(copy.db)).toMatchObject({
        ok: false,
        brokenSeq: 3,
        brokenId: row.id,
        reason: "prev_hash does not match the previous row's hash",
      });
    } finally {
      await removeCopy(copy);
    }
  });
});

describe("npm run audit:verify", () => {
  it("exits 0 on the demo database and prints the row count and head", async () => {
    const copy = await openCopy();
    try {
      const verdict = await verifyAuditChain(copy.db);
      if (!verdict.ok) throw new Error("the demo chain should be intact");
      const run = await runAuditVerify(copy.file);
      expect(run.stderr).toBe("");
      expect(run.stdout.trim()).toBe(`Audit chain intact: ${verdict.rows} rows, head ${verdict.head}`);
      expect(run.code).toBe(0);
    } finally {
      await removeCopy(copy);
    }
  });

  it("exits 1 naming a row whose after_json was altered by hand", async () => {
    const copy = await openCopy();
    try {
      const total = Number((await copy.db.selectFrom("audit_log").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
      const seq = Math.floor(total / 2);
      const row = await auditRow(copy.db, seq);
      await tamper(copy.file, `update audit_log set after_json = replace(after_json, '"', '''') where seq = ${seq}`);
      const run = await runAuditVerify(copy.file);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toBe(`Audit chain broken at row seq=${seq} id=${row.id}: content does not match its hash (the row was altered)`);
    } finally {
      await removeCopy(copy);
    }
  });

  it("exits 1 naming where a middle row was deleted", async () => {
    const copy = await openCopy();
    try {
      const total = Number((await copy.db.selectFrom("audit_log").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
      const seq = Math.floor(total / 2);
      const next = await auditRow(copy.db, seq + 1);
      await tamper(copy.file, `delete from audit_log where seq = ${seq}`);
      const run = await runAuditVerify(copy.file);
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`Audit chain broken at row seq=${seq + 1} id=${next.id}: expected seq ${seq}, found ${seq + 1} (a row is missing)`);
    } finally {
      await removeCopy(copy);
    }
  });

  it("refuses a database file that does not exist, without creating it", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-audit-"));
    const missing = path.join(dir, "missing", "none.db");
    try {
      const run = await runAuditVerify(missing);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`No database at ${missing}`);
      expect(fs.existsSync(path.dirname(missing))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the audit chain under concurrent writers", () => {
  // Texts the canonical JSON must escape exactly as the app does, whichever engine hashes it.
  const awkward = ["Әкімдік «ҚАЗАҚТЕЛЕКОМ» АҚ", 'quote " and \\ backslash', "line\nbreak\ttab\u2028separator", "emoji 📡 and \u0001 control", "lone \ud800 surrogate"];

  it("appends every row once, in one unbroken chain, with each stored text as given", async () => {
    const copy = await openCopy();
    try {
      const { seq: lastSeq } = await copy.db.selectFrom("audit_log").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
      const writers = 24;
      // Each writer in its own transaction, all at once: on PostgreSQL they overlap on a pool of connections.
      await Promise.all(
        Array.from({ length: writers }, (_, index) =>
          recordAudit(copy.db, {
            actorUserId: null,
            action: `test.concurrent.${index}`,
            entityType: "test",
            entityId: `entity-${index}`,
            before: { text: awkward[index % awkward.length] },
            after: { text: awkward[(index + 1) % awkward.length], index },
          }),
        ),
      );
      const added = await copy.db.selectFrom("audit_log").selectAll().where("seq", ">", Number(lastSeq)).orderBy("seq").execute();
      expect(added.map((row) => Number(row.seq))).toEqual(Array.from({ length: writers }, (_, index) => Number(lastSeq) + 1 + index));
      expect(new Set(added.map((row) => row.action)).size).toBe(writers);
      for (const row of added) {
        const index = Number(row.action.split(".").pop());
        expect(JSON.parse(row.before_json!)).toEqual({ text: awkward[index % awkward.length] });
        expect(JSON.parse(row.after_json!)).toEqual({ text: awkward[(index + 1) % awkward.length], index });
      }
      const verdict = await verifyAuditChain(copy.db);
      expect(verdict).toEqual({ ok: true, rows: Number(lastSeq) + writers, head: added[writers - 1].hash });
    } finally {
      await removeCopy(copy);
    }
  });
});
