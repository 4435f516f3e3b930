import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, almatyDate } from "../../app/domain/calendar";
import { getDiscipline } from "../../app/models/dashboard.server";
import { createDatabase, migrateToLatest, type DB } from "../../app/utils/db.server";
import { freshDatabase, type FreshDatabase } from "../support/database";

let db: DB;
let fresh: FreshDatabase;
const today = almatyDate();
const byCode = async (code: string) => (await db.selectFrom("organizations").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  fresh = await freshDatabase();
  db = createDatabase(fresh.url);
  await migrateToLatest(db);
});
afterAll(async () => {
  await db.destroy();
  await fresh.drop();
});

describe("execution discipline", () => {
  it("counts an overdue assignment against its organization, worst first", async () => {
    const rows = await getDiscipline(db, today, addDays(today, -365), today);
    const mangystau = rows.find((row) => row.name_en.includes("Mangystau"));
    expect(mangystau).toMatchObject({ due: 1, onTime: 0, overdue: 1, onTimePercent: 0, averageDelayDays: 3 });
    expect(rows[0].onTimePercent).toBe(0);
    // Deadlines still ahead are not yet "due".
    expect(rows.find((row) => row.name_en.includes("Akmola"))).toBeUndefined();
  });

  it("counts a report filed by the deadline as on time and one filed after it as late", async () => {
    const pavlodar = await byCode("pavlodar");
    const assignment = await db.selectFrom("assignments").selectAll().where("organization_id", "=", pavlodar).executeTakeFirstOrThrow();
    // Move Pavlodar's deadline into the past, around its real report time.
    const reportedDay = assignment.reported_at!.slice(0, 10);
    await db.updateTable("assignments").set({ deadline: addDays(reportedDay, 1) }).where("id", "=", assignment.id).execute();
    let row = (await getDiscipline(db, today, addDays(today, -365), today)).find((r) => r.id === pavlodar)!;
    expect(row).toMatchObject({ due: 1, onTime: 1, late: 0, onTimePercent: 100 });
    await db.updateTable("assignments").set({ deadline: addDays(reportedDay, -1) }).where("id", "=", assignment.id).execute();
    row = (await getDiscipline(db, today, addDays(today, -365), today)).find((r) => r.id === pavlodar)!;
    expect(row).toMatchObject({ due: 1, onTime: 0, late: 1, onTimePercent: 0, averageDelayDays: 1 });
  });

  it("counts the extensions granted to an organization", async () => {
    const turkistan = await byCode("turkistan");
    const assignment = await db.selectFrom("assignments").selectAll().where("organization_id", "=", turkistan).executeTakeFirstOrThrow();
    await db.updateTable("assignments").set({ deadline: addDays(today, -2) }).where("id", "=", assignment.id).execute();
    const row = (await getDiscipline(db, today, addDays(today, -365), today)).find((r) => r.id === turkistan)!;
    expect(row.extensions).toBe(1);
  });
});

describe("the monthly trend", () => {
  it("covers the last twelve months, oldest first", async () => {
    const { lastTwelveMonths } = await import("../../app/models/dashboard.server");
    expect(lastTwelveMonths("2026-11-24")).toEqual([
      "2025-12",
      "2026-01",
      "2026-02",
      "2026-03",
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
    ]);
    expect(lastTwelveMonths("2026-01-05")[0]).toBe("2025-02");
  });

  it("counts issued, done and overdue assignments in their months", async () => {
    const { getMonthlyTrend } = await import("../../app/models/dashboard.server");
    const trend = await getMonthlyTrend(db, today);
    const meeting = await db.selectFrom("meetings").select("held_at").where("protocol_number", "=", "14").executeTakeFirstOrThrow();
    expect(trend.find((p) => p.month === meeting.held_at.slice(0, 7))!.issued).toBe(24);
    const done = await db.selectFrom("assignments").select("completed_at").where("status", "=", "done").execute();
    const doneTotal = trend.reduce((sum, p) => sum + p.done, 0);
    expect(doneTotal).toBe(done.length);
    const overdueTotal = trend.reduce((sum, p) => sum + p.overdue, 0);
    // This file's earlier cases moved deadlines: count from the stored rows, by the same rule.
    const rows = await db.selectFrom("assignments").select(["status", "deadline", "reported_at"]).execute();
    const expected = rows.filter(
      (r) =>
        r.deadline !== null &&
        r.deadline < today &&
        (["assigned", "in_progress", "reported"].includes(r.status) || (r.status === "done" && r.reported_at! >= `${r.deadline}T19:00:00.000Z`)),
    ).length;
    expect(overdueTotal).toBe(expected);
    expect(overdueTotal).toBeGreaterThan(0);
  });
});

describe("the discipline report export", () => {
  it("gives the same organizations as XLSX and CSV, in the reader's language", async () => {
    const { startServer } = await import("../support/server");
    const { Client } = await import("../support/http");
    const ExcelJS = (await import("exceljs")).default;
    const server = await startServer();
    try {
      const controller = new Client(server);
      await controller.signIn("controller");
      const xlsx = await controller.get(`/discipline.xlsx?from=${addDays(today, -365)}&to=${today}`);
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await xlsx.arrayBuffer());
      const sheet = workbook.worksheets[0];
      const names = sheet.getColumn(1).values.slice(2);
      expect(names).toContain("Маңғыстау облысының әкімдігі");
      const bytes = new Uint8Array(await (await controller.get(`/discipline.csv`)).arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const csv = new TextDecoder().decode(bytes);
      expect(csv.trim().split("\r\n")).toHaveLength(names.length + 1);
      const assignee = new Client(server);
      await assignee.signIn("akmola");
      expect((await assignee.get("/discipline.csv")).status).toBe(403);
    } finally {
      await server.stop();
    }
  });
});
