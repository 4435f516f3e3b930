import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { createMeeting } from "../factories";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * The secretariat's work through HTTP, as a browser without JavaScript would do it: plain form posts.
 * What is stored is checked in the database; what is refused must leave it as it was.
 */

let server: TestServer;
const clients: Record<string, Client> = {};
let demoMeetingId: string;
let instructionText: Record<string, string>;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

async function as(login: string) {
  if (!clients[login]) {
    const client = new Client(server);
    expect((await client.signIn(login)).status).toBe(302);
    clients[login] = client;
  }
  return clients[login];
}

async function chairId() {
  return (await server.db.selectFrom("people").select("id").where("full_name", "like", "%Мамин%").executeTakeFirstOrThrow()).id;
}

const meetingForm = async (overrides: Record<string, string> = {}) => ({
  kind: "government_session",
  title: "Үкімет отырысы: ауыл шаруашылығы",
  heldDate: "2026-11-20",
  heldTime: "10:00",
  chairPersonId: await chairId(),
  place: "Үкімет үйі",
  protocolNumber: "",
  sourceReference: "",
  summary: "",
  ...overrides,
});

async function createDraft(protocolNumber: string) {
  const secretariat = await as("secretariat");
  const response = await secretariat.post("/meetings/new", await meetingForm({ protocolNumber }));
  expect(response.status).toBe(302);
  const id = response.headers.get("location")!.match(/\/meetings\/([^/]+)\/edit/)![1];
  return id;
}

beforeAll(async () => {
  server = await startServer();
  demoMeetingId = (await server.db.selectFrom("meetings").select("id").where("protocol_number", "=", "14").executeTakeFirstOrThrow()).id;
  const rows = await server.db.selectFrom("instructions").select(["number", "text"]).where("meeting_id", "=", demoMeetingId).execute();
  instructionText = Object.fromEntries(rows.map((row) => [row.number, row.text]));
});
afterAll(() => server?.stop());

describe("recording a meeting", () => {
  it("creates a draft with Kazakh text stored as NFC, and audits it", async () => {
    const secretariat = await as("secretariat");
    // "ә" typed as a + combining diaeresis, as some keyboards send it.
    const decomposed = "Ауыл шаруашылығы ма\u0301селелері";
    const response = await secretariat.post("/meetings/new", await meetingForm({ title: decomposed, protocolNumber: "21" }));
    expect(response.status).toBe(302);
    const meeting = await server.db.selectFrom("meetings").selectAll().where("protocol_number", "=", "21").executeTakeFirstOrThrow();
    expect(meeting.title).toBe(decomposed.normalize("NFC"));
    expect(meeting.status).toBe("draft");
    expect(meeting.held_at).toBe("2026-11-20T05:00:00.000Z");
    const audit = await server.db.selectFrom("audit_log").selectAll().where("entity_id", "=", meeting.id).execute();
    expect(audit.map((row) => row.action)).toEqual(["meeting.create"]);
    expect(JSON.parse(audit[0].after_json!).title).toBe(meeting.title);
  });

  it("refuses a missing title and a taken protocol number next to the fields, keeping what was typed", async () => {
    const secretariat = await as("secretariat");
    const before = await server.db.selectFrom("meetings").select("id").execute();
    const empty = await secretariat.post("/meetings/new", await meetingForm({ title: "", place: "Ақорда" }));
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(html).toContain(kk["validation.required"]);
    expect(html).toContain('value="Ақорда"');

    const taken = await secretariat.post("/meetings/new", await meetingForm({ protocolNumber: "14" }));
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain(kk["meetings.error.protocolTaken"]);
    expect(await server.db.selectFrom("meetings").select("id").execute()).toHaveLength(before.length);
  });

  it("refuses a deadline before the meeting, and publishes only when every instruction has a lead", async () => {
    const secretariat = await as("secretariat");
    const meetingId = await createDraft("22");
    const early = await secretariat.post(`/meetings/${meetingId}/instructions/new`, {
      number: "1",
      text: "Әкімдіктерге жер бөлу мәселелерін шешу",
      deadlineChoice: "date",
      deadline: "2026-11-01",
    });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain(kk["instructions.error.deadlineBeforeMeeting"]);
    expect(await server.db.selectFrom("instructions").select("id").where("meeting_id", "=", meetingId).execute()).toHaveLength(0);

    const created = await secretariat.post(`/meetings/${meetingId}/instructions/new`, {
      number: "1",
      text: "Әкімдіктерге жер бөлу мәселелерін шешу",
      deadlineChoice: "one_month",
    });
    expect(created.status).toBe(302);
    const instruction = await server.db.selectFrom("instructions").selectAll().where("meeting_id", "=", meetingId).executeTakeFirstOrThrow();
    expect(instruction.deadline).toBe("2026-12-20");
    expect(instruction.issued_by_person_id).toBe(await chairId());

    const version = async () => (await server.db.selectFrom("meetings").select("version").where("id", "=", meetingId).executeTakeFirstOrThrow()).version;
    const refused = await secretariat.post(`/meetings/${meetingId}/edit`, { intent: "publish", version: String(await version()) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(kk["meetings.publish.needsLead"]);

    const assigned = await secretariat.post(`/meetings/${meetingId}/instructions/${instruction.id}`, { intent: "assign_akimats" });
    expect(assigned.status).toBe(302);
    const assignments = await server.db.selectFrom("assignments").selectAll().where("instruction_id", "=", instruction.id).execute();
    expect(assignments).toHaveLength(20);
    expect(assignments.every((a) => a.role === "lead" && a.deadline === "2026-12-20")).toBe(true);

    const published = await secretariat.post(`/meetings/${meetingId}/edit`, { intent: "publish", version: String(await version()) });
    expect(published.status).toBe(302);
    const events = await server.db
      .selectFrom("assignment_events")
      .select("kind")
      .where("assignment_id", "in", assignments.map((a) => a.id))
      .execute();
    expect(events).toHaveLength(20);
    expect(events.every((e) => e.kind === "assigned")).toBe(true);
  });

  it("records edits of published minutes in the audit log and marks them edited; never deletes them", async () => {
    const secretariat = await as("secretariat");
    const before = await server.db.selectFrom("meetings").selectAll().where("id", "=", demoMeetingId).executeTakeFirstOrThrow();
    const edit = await secretariat.post(`/meetings/${demoMeetingId}/edit`, {
      intent: "update",
      version: String(before.version),
      kind: before.kind,
      title: `${before.title} (түзетілген)`,
      heldDate: new Date(Date.parse(before.held_at) + 5 * 3600_000).toISOString().slice(0, 10),
      heldTime: "10:00",
      chairPersonId: before.chair_person_id!,
      place: before.place ?? "",
      protocolNumber: before.protocol_number!,
      sourceReference: before.source_reference ?? "",
      summary: before.summary ?? "",
    });
    expect(edit.status).toBe(302);
    const after = await server.db.selectFrom("meetings").selectAll().where("id", "=", demoMeetingId).executeTakeFirstOrThrow();
    expect(after.title).toBe(`${before.title} (түзетілген)`);
    expect(after.edited_after_publish_at).not.toBeNull();
    const audit = await server.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_id", "=", demoMeetingId)
      .where("action", "=", "meeting.edit_published")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!).title).toBe(before.title);
    expect(JSON.parse(audit.after_json!).title).toBe(after.title);
    expect(audit.actor_user_id).toBe((await server.db.selectFrom("users").select("id").where("login", "=", "secretariat").executeTakeFirstOrThrow()).id);

    const page = await (await secretariat.get(`/meetings/${demoMeetingId}`)).text();
    expect(page).toContain("түзетілген");

    const remove = await secretariat.post(`/meetings/${demoMeetingId}/edit`, { intent: "delete", confirm: "yes" });
    expect(remove.status).toBe(400);
    expect(await remove.text()).toContain(kk["meetings.error.publishedCannotBeDeleted"]);
    expect(await server.db.selectFrom("meetings").select("id").where("id", "=", demoMeetingId).executeTakeFirst()).toBeDefined();
  });

  it("gives the second of two concurrent edits a conflict, and keeps the first", async () => {
    const secretariat = await as("secretariat");
    const admin = await as("admin");
    const meetingId = await createDraft("23");
    const { version } = await server.db.selectFrom("meetings").select("version").where("id", "=", meetingId).executeTakeFirstOrThrow();
    const first = await secretariat.post(`/meetings/${meetingId}/edit`, { intent: "update", version: String(version), ...(await meetingForm({ protocolNumber: "23", title: "Бірінші нұсқа" })) });
    expect(first.status).toBe(302);
    await admin.post("/language", { language: "en", redirectTo: "/" });
    const second = await admin.post(`/meetings/${meetingId}/edit`, { intent: "update", version: String(version), ...(await meetingForm({ protocolNumber: "23", title: "Екінші нұсқа" })) });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain(escapeHtml(en["common.error.conflict"]));
    const stored = await server.db.selectFrom("meetings").select("title").where("id", "=", meetingId).executeTakeFirstOrThrow();
    expect(stored.title).toBe("Бірінші нұсқа");
  });

  it("deletes a draft only when confirmed", async () => {
    const secretariat = await as("secretariat");
    const meetingId = await createDraft("24");
    const unconfirmed = await secretariat.post(`/meetings/${meetingId}/edit`, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(await server.db.selectFrom("meetings").select("id").where("id", "=", meetingId).executeTakeFirst()).toBeDefined();
    const confirmed = await secretariat.post(`/meetings/${meetingId}/edit`, { intent: "delete", confirm: "yes" });
    expect(confirmed.status).toBe(302);
    expect(await server.db.selectFrom("meetings").select("id").where("id", "=", meetingId).executeTakeFirst()).toBeUndefined();
  });
});

describe("who sees which minutes", () => {
  it("shows an assignee only the instructions addressed to their organization", async () => {
    const akmola = await (await as("akmola")).get(`/meetings/${demoMeetingId}`);
    expect(akmola.status).toBe(200);
    const akmolaHtml = await akmola.text();
    expect(akmolaHtml).toContain(escapeHtml(instructionText["2"]));
    expect(akmolaHtml).not.toContain(escapeHtml(instructionText["1"]));

    const ministryHtml = await (await (await as("ministry")).get(`/meetings/${demoMeetingId}`)).text();
    expect(ministryHtml).toContain(escapeHtml(instructionText["1"]));
    expect(ministryHtml).not.toContain(escapeHtml(instructionText["2"]));

    const controllerHtml = await (await (await as("controller")).get(`/meetings/${demoMeetingId}`)).text();
    expect(controllerHtml.match(/data-testid="assignment"/g)).toHaveLength(24);
  });

  it("hides drafts and meetings without their organization from an assignee, as not found", async () => {
    const draft = await createMeeting(server.db, { title: "Жоба отырыс", protocol_number: "D-1", status: "draft" });
    const other = await createMeeting(server.db, { title: "Басқа отырыс", protocol_number: "P-1", status: "published" });
    const akmola = await as("akmola");
    expect((await akmola.get(`/meetings/${draft.id}`)).status).toBe(404);
    expect((await akmola.get(`/meetings/${other.id}`)).status).toBe(404);
    const list = await (await akmola.get("/meetings")).text();
    expect(list).not.toContain("Жоба отырыс");
    expect(list).not.toContain("Басқа отырыс");
    expect(list).toContain(escapeHtml((await server.db.selectFrom("meetings").select("title").where("id", "=", demoMeetingId).executeTakeFirstOrThrow()).title));
    expect((await (await as("controller")).get(`/meetings/${other.id}`)).status).toBe(200);
  });

  it("refuses every editor write to the controller and assignees, changing nothing", async () => {
    const instruction = await server.db.selectFrom("instructions").select("id").where("meeting_id", "=", demoMeetingId).executeTakeFirstOrThrow();
    for (const login of ["controller", "akmola"]) {
      const client = await as(login);
      const before = await snapshotDatabase(server.db);
      for (const [path, form] of [
        ["/meetings/new", await meetingForm({ protocolNumber: "X-1" })],
        [`/meetings/${demoMeetingId}/edit`, { intent: "delete", confirm: "yes" }],
        [`/meetings/${demoMeetingId}/edit`, { intent: "agenda_add", title: "Жаңа мәселе" }],
        [`/meetings/${demoMeetingId}/instructions/new`, { number: "9", text: "Мәтін", deadlineChoice: "end_of_year" }],
        [`/meetings/${demoMeetingId}/instructions/${instruction.id}`, { intent: "assign_akimats" }],
      ] as const) {
        const response = await client.post(path, form);
        expect(response.status, `${login} POST ${path}`).toBe(403);
      }
      expect(await snapshotDatabase(server.db)).toEqual(before);
    }
  });
});

describe("the meetings list", () => {
  it("searches Kazakh text whatever the case, and filters by kind", async () => {
    const controller = await as("controller");
    const found = await (await controller.get(`/meetings?q=${encodeURIComponent("КЕҢЖОЛАҚТЫ ИНТЕРНЕТПЕН")}`)).text();
    expect(found).toContain(`/meetings/${demoMeetingId}`);
    const none = await (await controller.get(`/meetings?q=${encodeURIComponent("КЕҢЖОЛАҚТЫ")}&kind=government_session`)).text();
    expect(none).not.toContain(`/meetings/${demoMeetingId}`);
    expect(none).toContain(kk["meetings.list.empty"]);
  });
});
