import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, almatyDate } from "../../app/domain/calendar";
import { getDiscipline } from "../../app/models/dashboard.server";
import { createDatabase, migrateToLatest, type DB } from "../../app/utils/db.server";
import { freshDatabaseFile } from "../support/server";

let db: DB;
const today = almatyDate();
const byCode = async (code: string) => (await db.selectFrom("organizations").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;

beforeAll(async () => {
  db = createDatabase(freshDatabaseFile());
  await migrateToLatest(db);
});
afterAll(() => db.destroy());

describe("execution discipline", () => {
  it("counts an overdue assignment against its organization, worst first", async () => {
    const rows = await getDiscipline(db, today, addDays(today, -365), today);
    const mangystau = rows.find((row) => row.name_en.includes("Mangystau"));
    expect(mangystau).toMatchObject({ due: 1, onTime: 0, overdue: 1, onTimePercent: 0 });
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
    expect(row).toMatchObject({ due: 1, onTime: 0, late: 1, onTimePercent: 0 });
  });

  it("counts the extensions granted to an organization", async () => {
    const turkistan = await byCode("turkistan");
    const assignment = await db.selectFrom("assignments").selectAll().where("organization_id", "=", turkistan).executeTakeFirstOrThrow();
    await db.updateTable("assignments").set({ deadline: addDays(today, -2) }).where("id", "=", assignment.id).execute();
    const row = (await getDiscipline(db, today, addDays(today, -365), today)).find((r) => r.id === turkistan)!;
    expect(row.extensions).toBe(1);
  });
});
