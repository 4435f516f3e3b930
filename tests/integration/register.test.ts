import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { almatyDate } from "../../app/domain/calendar";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { RECENT_MEETINGS_IN_FILTER } from "../../app/models/register.server";
import { createAssignmentEvent, createMeeting } from "../factories";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
let controller: Client;

const rowIds = (html: string) => [...html.matchAll(/data-assignment="([^"]+)"/g)].map((m) => m[1]);

async function openAssignmentIds(where: { overdue?: boolean; organizationCode?: string }) {
  let query = server.db
    .selectFrom("assignments")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .select("assignments.id")
    .where("assignments.status", "in", ["assigned", "in_progress", "reported"]);
  if (where.overdue) query = query.where("assignments.deadline", "<", almatyDate());
  if (where.organizationCode) query = query.where("organizations.code", "=", where.organizationCode);
  return (await query.execute()).map((r) => r.id).sort();
}

beforeAll(async () => {
  server = await startServer();
  controller = new Client(server);
  expect((await controller.signIn("controller")).status).toBe(302);
});
afterAll(() => server?.stop());

describe("the instruction register", () => {
  it("lists every assignment of published minutes, and filters overdue ones through the URL", async () => {
    const all = rowIds(await (await controller.get("/instructions")).text());
    expect(all).toHaveLength(24);
    const overdue = rowIds(await (await controller.get("/instructions?overdue=1")).text());
    expect(overdue.sort()).toEqual(await openAssignmentIds({ overdue: true }));
    expect(overdue.length).toBeGreaterThan(0);
  });

  it("lists the assignments done late", async () => {
    const done = await server.db.selectFrom("assignments").select(["id", "deadline", "reported_at"]).where("status", "=", "done").execute();
    const late = done.filter((a) => a.deadline && a.reported_at! >= `${a.deadline}T19:00:00.000Z`).map((a) => a.id);
    expect(rowIds(await (await controller.get("/instructions?late=1")).text()).sort()).toEqual(late.sort());
    // Move one done assignment's deadline before its report: it becomes late.
    const [first] = done;
    await server.db.updateTable("assignments").set({ deadline: "2020-01-01" }).where("id", "=", first.id).execute();
    expect(rowIds(await (await controller.get("/instructions?late=1")).text())).toContain(first.id);
    await server.db.updateTable("assignments").set({ deadline: first.deadline }).where("id", "=", first.id).execute();
  });

  it("offers filter choices that follow the directory, even an edit made outside the app", async () => {
    const chair = await server.db
      .selectFrom("people")
      .innerJoin("meetings", "meetings.chair_person_id", "people.id")
      .select(["people.id", "people.full_name"])
      .executeTakeFirstOrThrow();
    const chairOptions = async () => {
      const html = await (await controller.get("/instructions")).text();
      return [...html.split('name="chair"')[1].split("</select>")[0].matchAll(/<option value="[^"]+"[^>]*>([^<]+)<\/option>/g)].map((m) => m[1]);
    };
    expect(await chairOptions()).toContain(chair.full_name);
    const renamed = `${chair.full_name} (тексеру)`;
    await server.db.updateTable("people").set({ full_name: renamed }).where("id", "=", chair.id).execute();
    try {
      const options = await chairOptions();
      expect(options).toContain(renamed);
      expect(options).not.toContain(chair.full_name);
    } finally {
      await server.db.updateTable("people").set({ full_name: chair.full_name }).where("id", "=", chair.id).execute();
    }
  });

  it("shows the chosen filters in the page itself, an old meeting too, and one choice of each", async () => {
    const organization = await server.db.selectFrom("organizations").select("id").where("code", "=", "akmola").executeTakeFirstOrThrow();
    const chair = await server.db.selectFrom("meetings").select("chair_person_id").where("chair_person_id", "is not", null).executeTakeFirstOrThrow();
    // More meetings than the filter offers, so the one chosen is older than every one of them.
    const old = await createMeeting(server.db, { title: "Ескі кеңес 2019", held_at: "2019-02-01T05:00:00.000Z", status: "published", protocol_number: "1-ескі" });
    const recent = [];
    for (let index = 0; index < RECENT_MEETINGS_IN_FILTER; index++) {
      recent.push(await createMeeting(server.db, { title: `Жаңа кеңес ${index}`, status: "published" }));
    }
    try {
      const html = (await (await controller.get(`/instructions?organization=${organization.id}&meeting=${old.id}&chair=${chair.chair_person_id}`)).text()).replace(
        /<script[\s\S]*?<\/script>/g,
        "",
      );
      const options = (name: string) => html.split(`name="${name}"`)[1].split("</select>")[0];
      const chosen = (name: string) => [...options(name).matchAll(/<option value="([^"]*)" selected="">/g)].map((match) => match[1]);
      expect(chosen("organization")).toEqual([organization.id]);
      expect(chosen("meeting")).toEqual([old.id]);
      expect(chosen("chair")).toEqual([chair.chair_person_id]);
      expect(options("meeting")).toContain("№ 1-ескі · Ескі кеңес 2019");
      expect(options("organization")).toContain(`<option value="">${kk["register.filter.anyOrganization"]}</option>`);
      // Without the old meeting chosen, it is not offered.
      const plain = await (await controller.get("/instructions")).text();
      expect(plain.split('name="meeting"')[1].split("</select>")[0]).not.toContain(old.id);
      for (const name of ["organization", "meeting", "chair"]) expect(plain.split(`name="${name}"`)[1].split("</select>")[0]).not.toContain('selected=""');
    } finally {
      await server.db.deleteFrom("meetings").where("id", "in", [old.id, ...recent.map((meeting) => meeting.id)]).execute();
    }
  });

  it("keeps its counts and the dashboard's true after any write, even one made outside the app", async () => {
    const reader = new Client(server);
    await reader.signIn("controller");
    await reader.post("/language", { language: "en", redirectTo: "/" });
    const registerOverdue = async () => Number((await (await reader.get("/instructions?overdue=1")).text()).match(/Total: (\d+)/)![1]);
    const dashboardOverdue = async () =>
      Number((await (await reader.get("/")).text()).match(/href="\/instructions\?overdue=1"[^>]*>[^<]*<\/a><\/dt><dd[^>]*>(\d+)/)![1]);
    const [registerBefore, dashboardBefore] = [await registerOverdue(), await dashboardOverdue()];
    expect(registerBefore).toBe((await openAssignmentIds({ overdue: true })).length);
    expect(dashboardBefore).toBe(registerBefore);
    // Twice, so the figures have been kept once before the change.
    expect(await registerOverdue()).toBe(registerBefore);
    const onTime = await server.db
      .selectFrom("assignments")
      .select(["id", "deadline"])
      .where("status", "in", ["assigned", "in_progress"])
      .where("deadline", ">=", almatyDate())
      .executeTakeFirstOrThrow();
    await server.db.updateTable("assignments").set({ deadline: "2020-01-01" }).where("id", "=", onTime.id).execute();
    expect(await registerOverdue()).toBe(registerBefore + 1);
    expect(await dashboardOverdue()).toBe(dashboardBefore + 1);
    await server.db.updateTable("assignments").set({ deadline: onTime.deadline }).where("id", "=", onTime.id).execute();
    expect(await registerOverdue()).toBe(registerBefore);
  });

  it("shows the 20 organizations with the weakest discipline on the dashboard and says how many there are", async () => {
    const reader = new Client(server);
    await reader.signIn("controller");
    await reader.post("/language", { language: "en", redirectTo: "/" });
    const open = await server.db.selectFrom("assignments").select(["id", "deadline"]).where("status", "in", ["assigned", "in_progress"]).execute();
    const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await server.db.updateTable("assignments").set({ deadline: monthAgo }).where("id", "in", open.map((a) => a.id)).execute();
    try {
      const html = await (await reader.get("/")).text();
      const table = html.slice(html.indexOf(en["discipline.title"]), html.indexOf("</table>", html.indexOf(en["discipline.title"])));
      const rows = table.split("<tbody")[1].match(/<tr/g) ?? [];
      const organizations = await server.db
        .selectFrom("assignments")
        .select("organization_id")
        .distinct()
        .where("deadline", "=", monthAgo)
        .execute();
      expect(organizations.length).toBeGreaterThan(20);
      expect(rows).toHaveLength(20);
      expect(html).toContain(en["discipline.shownOf"].replace("{shown}", "20").replace("{total}", String(organizations.length)));
    } finally {
      for (const assignment of open) await server.db.updateTable("assignments").set({ deadline: assignment.deadline }).where("id", "=", assignment.id).execute();
    }
  });

  it("narrows to one organization and finds instructions by text whatever the case", async () => {
    const north = await server.db.selectFrom("organizations").select("id").where("code", "=", "north-kazakhstan").executeTakeFirstOrThrow();
    const rows = rowIds(await (await controller.get(`/instructions?organization=${north.id}`)).text());
    expect(rows).toHaveLength(1);
    const found = rowIds(await (await controller.get(`/instructions?q=${encodeURIComponent("АНТЕННАЛЫҚ-МАЧТАЛЫҚ")}`)).text());
    expect(found).toHaveLength(20);
    expect(rowIds(await (await controller.get(`/instructions?q=${encodeURIComponent("мачта")}&special=1`)).text())).toHaveLength(0);
  });

  it("shows an assignee only their own organization's rows", async () => {
    const akmola = new Client(server);
    await akmola.signIn("akmola");
    const rows = rowIds(await (await akmola.get("/instructions")).text());
    expect(rows.sort()).toEqual(await openAssignmentIds({ organizationCode: "akmola" }));
    const xlsx = await akmola.get("/instructions/export.csv");
    const lines = (await xlsx.text()).trim().split("\r\n");
    expect(lines).toHaveLength(2);
  });

  it("exports exactly the filtered rows as XLSX with typed cells and as CSV with a BOM", async () => {
    await controller.post("/language", { language: "en", redirectTo: "/" });
    const page = rowIds(await (await controller.get("/instructions?overdue=1")).text());
    const response = await controller.get("/instructions/export.xlsx?overdue=1");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe(en["table.code"]);
    expect(sheet.rowCount - 1).toBe(page.length);
    expect(sheet.autoFilter).toBeTruthy();
    const deadline = sheet.getRow(2).getCell(5).value;
    expect(deadline).toBeInstanceOf(Date);

    await controller.post("/language", { language: "ru", redirectTo: "/" });
    const csv = await (await controller.get("/instructions/export.csv?overdue=1")).arrayBuffer();
    const bytes = new Uint8Array(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toContain(ru["table.organization"]);
    expect(text).toContain("Акимат Мангистауской области");
    expect(text.trim().split("\r\n")).toHaveLength(page.length + 1);
    await controller.post("/language", { language: "kk", redirectTo: "/" });
  });
});

describe("an instruction's page", () => {
  it("folds the assignment to every organization into one line, even when the oldest are out of view", async () => {
    const instruction = await server.db.selectFrom("instructions").select("id").where("number", "=", "2").executeTakeFirstOrThrow();
    const assignments = await server.db.selectFrom("assignments").select("id").where("instruction_id", "=", instruction.id).execute();
    const latest = await server.db
      .selectFrom("assignment_events")
      .select("kind")
      .where("assignment_id", "in", assignments.map((a) => a.id))
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(30)
      .execute();
    // The latest thirty reach into the assignments, but not back to the first of them.
    const assignedInView = latest.filter((event) => event.kind === "assigned").length;
    expect(assignedInView).toBeGreaterThan(0);
    expect(assignedInView).toBeLessThan(assignments.length);
    const reader = new Client(server);
    await reader.signIn("controller");
    await reader.post("/language", { language: "en", redirectTo: "/" });
    const timeline = (await (await reader.get(`/instructions/${instruction.id}`)).text()).split('data-testid="timeline"')[1].split("</ol>")[0];
    expect(timeline).toContain(en["timeline.assignedMany"].replace("{count}", String(assignments.length)));
    expect(timeline.match(/data-kind="assigned"/g)).toHaveLength(1);
  });

  it("names the organization once per event: in the heading, and beside the author only when the author is not of it", async () => {
    const instruction = await server.db.selectFrom("instructions").select("id").where("number", "=", "2").executeTakeFirstOrThrow();
    const reader = new Client(server);
    await reader.signIn("controller");
    await reader.post("/language", { language: "en", redirectTo: "/" });
    const timeline = (await (await reader.get(`/instructions/${instruction.id}?history=all`)).text()).split('data-testid="timeline"')[1].split("</ol>")[0];
    const events = timeline
      .split('data-testid="timeline-event"')
      .slice(1)
      .map((html) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "\n").split("\n").map((line) => line.trim()).filter(Boolean));
    // North Kazakhstan's own report: "Progress report · Akimat of North Kazakhstan Region", then the author alone.
    const north = events.find((lines) => lines.includes("Progress report") && lines.includes("· Akimat of North Kazakhstan Region"))!;
    expect(north).toBeDefined();
    expect(north.join(" ")).not.toMatch(/, Akimat of North Kazakhstan Region/);
    // The Prime Minister's office acting on a region's assignment: the office is named beside its official.
    const returned = events.find((lines) => lines.includes("Returned for rework"))!;
    expect(returned.join(" ")).toMatch(/, Office of the Prime Minister of the Republic of Kazakhstan/);
  });

  it("shows the latest 30 events of its history, and all of them on request", async () => {
    const instruction = await server.db.selectFrom("instructions").select("id").where("number", "=", "2").executeTakeFirstOrThrow();
    const assignments = await server.db.selectFrom("assignments").select("id").where("instruction_id", "=", instruction.id).execute();
    // Comments from the control department, so the history is longer than one screen's worth.
    const now = Date.now();
    for (const [index, assignment] of assignments.entries()) {
      await createAssignmentEvent(server.db, { assignment_id: assignment.id, body: `Бақылау бөлімінің ескертпесі ${index + 1}`, created_at: new Date(now + index * 1000).toISOString() });
    }
    const total = Number(
      (
        await server.db
          .selectFrom("assignment_events")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("assignment_id", "in", assignments.map((a) => a.id))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(total).toBeGreaterThan(30);
    const reader = new Client(server);
    await reader.signIn("controller");
    await reader.post("/language", { language: "en", redirectTo: "/" });
    const recent = await (await reader.get(`/instructions/${instruction.id}`)).text();
    expect(recent).toContain(en["timeline.recentOnly"].replace("{shown}", "30").replace("{total}", String(total)));
    expect(recent).toContain(`Бақылау бөлімінің ескертпесі ${assignments.length}`);
    expect(recent).toContain(`href="/instructions/${instruction.id}?history=all#history"`);
    const whole = await (await reader.get(`/instructions/${instruction.id}?history=all`)).text();
    expect(whole).not.toContain(`?history=all#history"`);
    // The earliest events are back: the instruction's assignment to the organizations.
    expect(whole.split('data-testid="timeline"')[1].match(/<li/g)!.length).toBeGreaterThan(recent.split('data-testid="timeline"')[1].match(/<li/g)!.length);
  });
});

describe("an instruction's assignees", () => {
  it("are one tile each when many, without repeating the instruction, dated by the Almaty day", async () => {
    const instruction = await server.db.selectFrom("instructions").select(["id", "text"]).where("number", "=", "2").executeTakeFirstOrThrow();
    const assignments = await server.db.selectFrom("assignments").select(["id", "last_report_at"]).where("instruction_id", "=", instruction.id).orderBy("id").execute();
    expect(assignments.length).toBeGreaterThan(4);
    const [first] = assignments;
    // 01:30 on 10 March in Almaty is still 9 March in UTC.
    await server.db.updateTable("assignments").set({ last_report_at: "2025-03-09T20:30:00.000Z" }).where("id", "=", first.id).execute();
    try {
      const reader = new Client(server);
      await reader.signIn("controller");
      await reader.post("/language", { language: "en", redirectTo: "/" });
      const html = await (await reader.get(`/instructions/${instruction.id}`)).text();
      const body = html.replace(/<script[\s\S]*?<\/script>/g, "");
      const tiles = [...body.split('data-testid="execution-matrix"')[1].split("</ul>")[0].matchAll(/<a [^>]*href="\/assignments\/([^"]+)"[^>]*>(.*?)<\/a>/gs)];
      expect(tiles.map((tile) => tile[1]).sort()).toEqual(assignments.map((a) => a.id).sort());
      expect(tiles.find((tile) => tile[1] === first.id)![2]).toContain("10 March 2025");
      // The instruction's text is on its page once, not once per assignee.
      expect(body.split(instruction.text.slice(0, 40)).length - 1).toBe(1);
      expect(body).not.toContain('data-testid="assignment-row"');
    } finally {
      await server.db.updateTable("assignments").set({ last_report_at: first.last_report_at }).where("id", "=", first.id).execute();
    }
  });
});

describe("an assignment's page", () => {
  it("shows the latest 30 events of a long history, newest last, and the whole history on request", async () => {
    const instruction = await server.db.selectFrom("instructions").select("id").where("number", "=", "2").executeTakeFirstOrThrow();
    const assignment = await server.db.selectFrom("assignments").select("id").where("instruction_id", "=", instruction.id).orderBy("id").executeTakeFirstOrThrow();
    const now = Date.now();
    for (let index = 0; index < 45; index++) {
      await createAssignmentEvent(server.db, { assignment_id: assignment.id, body: `Апталық ескертпе №${index + 1}.`, created_at: new Date(now + 60_000 + index * 1000).toISOString() });
    }
    const total = (await server.db.selectFrom("assignment_events").select("id").where("assignment_id", "=", assignment.id).execute()).length;
    expect(total).toBeGreaterThan(45);
    const reader = new Client(server);
    await reader.signIn("controller");
    await reader.post("/language", { language: "en", redirectTo: "/" });
    const events = (html: string) => [...html.split('data-testid="timeline"')[1].split("</ol>")[0].matchAll(/Апталық ескертпе №(\d+)\./g)].map((match) => Number(match[1]));

    const recent = await (await reader.get(`/assignments/${assignment.id}`)).text();
    expect(recent).toContain(en["timeline.recentOnly"].replace("{shown}", "30").replace("{total}", String(total)));
    expect(recent).toContain(`href="/assignments/${assignment.id}?history=all#history"`);
    // The latest thirty, oldest of them first.
    expect(events(recent)).toEqual(Array.from({ length: 30 }, (_, index) => 16 + index));

    const whole = await (await reader.get(`/assignments/${assignment.id}?history=all`)).text();
    expect(whole).not.toContain("?history=all#history\"");
    expect(events(whole)).toEqual(Array.from({ length: 45 }, (_, index) => 1 + index));
    expect(whole).toContain('data-kind="assigned"');
  });
});

describe("an organization's page", () => {
  it("shows its assignments and discipline to the controller, and only its own page to an assignee", async () => {
    const north = await server.db.selectFrom("organizations").select("id").where("code", "=", "north-kazakhstan").executeTakeFirstOrThrow();
    const akmolaOrg = await server.db.selectFrom("organizations").select("id").where("code", "=", "akmola").executeTakeFirstOrThrow();
    const page = await controller.get(`/organizations/${north.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const northAssignment = await server.db.selectFrom("assignments").select("id").where("organization_id", "=", north.id).executeTakeFirstOrThrow();
    expect(html).toContain(`/assignments/${northAssignment.id}`);
    const akmola = new Client(server);
    await akmola.signIn("akmola");
    expect((await akmola.get(`/organizations/${north.id}`)).status).toBe(404);
    expect((await akmola.get(`/organizations/${akmolaOrg.id}`)).status).toBe(200);
  });
});
