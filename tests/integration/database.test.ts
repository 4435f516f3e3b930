import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "../../db/seeds/demo";
import { REGIONAL_LEVEL_KINDS } from "../../app/domain/organizations";
import { createDatabase, databaseAnswers, migrateToLatest, openSqlite, type DB } from "../../app/utils/db.server";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import { freshDatabase, testEngine, type FreshDatabase } from "../support/database";
import { isPostgres } from "../../app/utils/sql-dialect";

const TABLES = [
  "organizations",
  "people",
  "users",
  "sessions",
  "sign_in_failures",
  "meetings",
  "agenda_items",
  "speakers",
  "instructions",
  "instruction_targets",
  "assignments",
  "assignment_events",
  "event_target_values",
  "files",
  "notifications",
  "audit_log",
];

describe("the SQLite connection", () => {
  // The pragmas are SQLite's own; this runs under both engines, as it needs no server database.
  it("sets WAL, synchronous=FULL, foreign keys and busy timeout on a reopened file", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-pragma-")), "reopened.db");
    const first = openSqlite(file);
    first.exec("create table t (x integer)");
    first.close();
    const reopened = openSqlite(file);
    expect(reopened.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(reopened.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(reopened.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(reopened.pragma("busy_timeout", { simple: true })).toBe(5000);
    reopened.close();
  });

  it("cuts a WAL that grew past 64 MB back when it is next reset", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-wal-")), "grown.db");
    const connection = openSqlite(file);
    connection.exec("create table t (x blob)");
    // One transaction of 80 MB: the WAL holds all of it until a checkpoint.
    const insert = connection.prepare("insert into t values (zeroblob(1048576))");
    connection.transaction(() => {
      for (let i = 0; i < 80; i++) insert.run();
    })();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(80 * 1024 * 1024);
    connection.pragma("wal_checkpoint(PASSIVE)");
    connection.exec("delete from t");
    expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(64 * 1024 * 1024);
    connection.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("reads DATABASE_URL as a path, a file: URL, or the default", () => {
    expect(parseDatabaseUrl(undefined, "/srv/app")).toEqual({ engine: "sqlite", file: "/srv/app/data/tapsyrma.db" });
    expect(parseDatabaseUrl("file:./x.db", "/srv/app")).toEqual({ engine: "sqlite", file: "/srv/app/x.db" });
    expect(parseDatabaseUrl("file:///var/lib/t.db")).toEqual({ engine: "sqlite", file: "/var/lib/t.db" });
    expect(parseDatabaseUrl("/var/lib/t.db")).toEqual({ engine: "sqlite", file: "/var/lib/t.db" });
    expect(parseDatabaseUrl("postgres://u@h/db")).toEqual({ engine: "postgres", url: "postgres://u@h/db" });
  });

  it("says when the database does not answer", async () => {
    const db = createDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-health-")), "h.db"));
    expect(await databaseAnswers(db)).toBe(true);
    await db.destroy();
    expect(await databaseAnswers(db)).toBe(false);
  });
});

describe(`migrations and demo data (${testEngine})`, () => {
  let db: DB;
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
    db = createDatabase(fresh.url);
  });
  afterAll(async () => {
    await db.destroy();
    await fresh.drop();
  });

  it("create every table of the domain model, and rerun as a no-op", async () => {
    const rows = isPostgres(db)
      ? await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)
      : await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db);
    const names = rows.rows.map((row) => row.name);
    for (const table of TABLES) expect(names).toContain(table);
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it("hold the reference meeting: chair, six speakers, two instructions, 24 assignments", async () => {
    const meetings = await db
      .selectFrom("meetings")
      .innerJoin("people", "people.id", "meetings.chair_person_id")
      .select(["meetings.id", "meetings.status", "meetings.protocol_number", "people.full_name"])
      .execute();
    expect(meetings).toHaveLength(1);
    expect(meetings[0].status).toBe("published");
    expect(meetings[0].full_name).toContain("Мамин");

    const speakers = await db
      .selectFrom("speakers")
      .innerJoin("people", "people.id", "speakers.person_id")
      .select(["people.full_name"])
      .where("meeting_id", "=", meetings[0].id)
      .orderBy("sort_order")
      .execute();
    const surnames = ["Жұмағалиев", "Есекеев", "Надыров", "Настрадин", "Маржықпаев", "Ақсақалов"];
    expect(speakers).toHaveLength(6);
    speakers.forEach((speaker, index) => expect(speaker.full_name).toContain(surnames[index]));

    const instructions = await db.selectFrom("instructions").select(["id", "number", "text"]).orderBy("number").execute();
    expect(instructions.map((i) => i.number)).toEqual(["1", "2"]);

    const assignments = await db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select(["assignments.instruction_id", "assignments.role", "organizations.code", "organizations.kind"])
      .execute();
    expect(assignments).toHaveLength(24);
    const first = assignments.filter((a) => a.instruction_id === instructions[0].id);
    expect(first.filter((a) => a.role === "lead").map((a) => a.code)).toEqual(["mdai"]);
    expect(first.filter((a) => a.role === "co_executor").map((a) => a.code).sort()).toEqual(["kar-tel", "kazakhtelecom", "transtelecom"]);
    const second = assignments.filter((a) => a.instruction_id === instructions[1].id);
    expect(second).toHaveLength(20);
    expect(second.every((a) => a.role === "lead" && (REGIONAL_LEVEL_KINDS as readonly string[]).includes(a.kind))).toBe(true);
    expect(new Set(second.map((a) => a.code)).size).toBe(20);
  });

  it("hold the six demo users with their roles and organizations", async () => {
    const users = await db
      .selectFrom("users")
      .leftJoin("organizations", "organizations.id", "users.organization_id")
      .select(["users.login", "users.role", "organizations.code"])
      .orderBy("users.login")
      .execute();
    expect(users).toEqual([
      { login: "admin", role: "admin", code: null },
      { login: "akmola", role: "assignee", code: "akmola" },
      { login: "controller", role: "controller", code: "pm-office" },
      { login: "ministry", role: "assignee", code: "mdai" },
      { login: "north-kazakhstan", role: "assignee", code: "north-kazakhstan" },
      { login: "secretariat", role: "secretariat", code: "government-office" },
    ]);
  });

  it("keep Kazakh text exactly as written", async () => {
    const instruction = await db.selectFrom("instructions").select("text").where("number", "=", "2").executeTakeFirstOrThrow();
    expect(instruction.text).toBe(instruction.text.normalize("NFC"));
    expect(instruction.text).toMatch(/Антенналық-мачталық құрылыстар/);
    const org = await db.selectFrom("organizations").select("name_kk").where("code", "=", "north-kazakhstan").executeTakeFirstOrThrow();
    expect(org.name_kk).toBe("Солтүстік Қазақстан облысының әкімдігі");
  });

  it("return counts, sums and averages as numbers, not strings", async () => {
    const row = await db
      .selectFrom("assignments")
      .select([sql<number>`count(*)`.as("n"), sql<number>`sum(percent_complete)`.as("total"), sql<number>`avg(version)`.as("mean")])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ n: 24, total: expect.any(Number), mean: expect.any(Number) });
  });

  it("are seeded only into an empty database", async () => {
    const before = await db.selectFrom("meetings").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(await seedDemoData(db)).toEqual({ seeded: false });
    const after = await db.selectFrom("meetings").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
