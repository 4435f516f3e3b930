import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { attribute, decode, formFields } from "../support/forms";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * Importing minutes from text, as a browser without JavaScript does it: the paste form, the review page's
 * form read back from its HTML (what the user sees is what gets posted), and what is stored afterwards.
 */

const REFERENCE = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/minutes/reference-broadband.kk.txt"), "utf8");
const MEETING_DATE = "2020-04-14";
const SURNAMES = ["Жұмағалиев", "Есекеев", "Надыров", "Настрадин", "Маржықпаев", "Ақсақалов"];

let server: TestServer;
const clients: Record<string, Client> = {};

async function as(login: string) {
  if (!clients[login]) {
    const client = new Client(server);
    expect((await client.signIn(login)).status).toBe(302);
    clients[login] = client;
  }
  return clients[login];
}

/** The value of the select option whose text is `label`, in the named select. */
function optionValue(html: string, selectName: string, label: string): string {
  const select = new RegExp(`<select\\b[^>]*name="${selectName.replace(/\./g, "\\.")}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  if (!select) throw new Error(`no select ${selectName}`);
  for (const [, attributes, text] of select[1].matchAll(/<option\b([^>]*)>([^<]*)<\/option>/g)) {
    if (decode(text) === label) return attribute(attributes, "value")!;
  }
  throw new Error(`no option «${label}» in ${selectName}`);
}

async function paste(client: Client, text = REFERENCE) {
  const response = await client.post("/meetings/import", { text, meetingDate: MEETING_DATE });
  expect(response.status).toBe(302);
  const location = response.headers.get("location")!;
  expect(location).toMatch(/^\/meetings\/import\/[\w-]+$/);
  const page = await client.get(location);
  expect(page.status).toBe(200);
  return { location, html: await page.text() };
}

async function count(table: "meetings" | "speakers" | "instructions" | "assignments" | "organizations" | "people") {
  const row = await server.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("c"))
    .executeTakeFirstOrThrow();
  return Number(row.c);
}

async function organizationName(code: string) {
  return (await server.db.selectFrom("organizations").select("name_kk").where("code", "=", code).executeTakeFirstOrThrow()).name_kk;
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

describe("import: paste and review", () => {
  it("links the import from the meetings list for the secretariat", async () => {
    const html = await (await (await as("secretariat")).get("/meetings")).text();
    expect(html).toContain('href="/meetings/import"');
    expect(html).toContain(kk["import.action"]);
  });

  it("shows the six speakers and the two instructions of the reference text, with matches preselected and warnings in Kazakh", async () => {
    const { html } = await paste(await as("secretariat"));
    const fields = formFields(html);
    for (const surname of SURNAMES) expect(html).toContain(surname);
    expect(Object.keys(fields).filter((name) => /^speakers\.\d+\.name$/.test(name))).toHaveLength(6);
    expect(Object.keys(fields).filter((name) => /^instructions\.\d+\.text$/.test(name))).toHaveLength(2);
    expect(fields.kind).toBe("selector_meeting");
    expect(fields.heldDate).toBe(MEETING_DATE);
    // The chair and the speakers are the demo directory's people: matched, not proposed as new.
    const mamin = await server.db.selectFrom("people").select("id").where("full_name", "=", "Асқар Мамин").executeTakeFirstOrThrow();
    expect(fields.chair).toBe(mamin.id);
    for (let i = 0; i < 6; i++) expect(fields[`speakers.${i}.person`]).not.toBe("new");
    // Instruction 1: the ministry (matched), the operators proposed as new; instruction 2: every regional akimat.
    const ministry = await server.db.selectFrom("organizations").select("id").where("code", "=", "mdai").executeTakeFirstOrThrow();
    expect(fields["instructions.0.lead.0"]).toBe(ministry.id);
    expect(fields["instructions.0.co.0"]).toMatch(/^new:/);
    expect(fields["instructions.1.lead.0"]).toBe("akimats");
    expect(html).toContain(kk["import.review.allAkimats"]);
    // The source sentence is highlighted beside its instruction.
    expect(html).toMatch(/<mark[^>]*>Үкімет басшысы Цифрлық даму/);
    // Warnings by their code, in the reader's language; the parser's English never shows.
    expect(html).toContain(kk["import.warning.deadline_needs_date"]);
    expect(html).toContain(kk["import.warning.organization_not_in_directory"].replace("{name}", ""));
    expect(html).not.toContain("proposed as new");
  });

  it("refuses an empty paste and a wrong date next to the fields, keeping the text", async () => {
    const client = await as("secretariat");
    const empty = await client.post("/meetings/import", { text: "  ", meetingDate: "" });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain(kk["import.error.empty"]);
    const badDate = await client.post("/meetings/import", { text: "Мәтін бар", meetingDate: "2020-02-31" });
    expect(badDate.status).toBe(400);
    const html = await badDate.text();
    expect(html).toContain(kk["validation.date"]);
    expect(html).toContain("Мәтін бар");
  });
});

describe("import: confirm", () => {
  it("creates one draft meeting with its speakers, numbered instructions and 24 assignments (20 akimats), audited", async () => {
    const client = await as("secretariat");
    const { location, html } = await paste(client);
    const fields = formFields(html);
    // The reviewer replaces the proposed "operators" with the three operators of the directory.
    const operators = await Promise.all(["kazakhtelecom", "transtelecom", "kar-tel"].map(organizationName));
    fields["instructions.0.co.0"] = optionValue(html, "instructions.0.co.0", operators[0]);
    fields["instructions.0.co.1"] = optionValue(html, "instructions.0.co.1", operators[1]);
    fields["instructions.0.co.2"] = optionValue(html, "instructions.0.co.2", operators[2]);
    fields["instructions.0.deadline"] = "2020-12-31";
    const before = { meetings: await count("meetings"), people: await count("people"), organizations: await count("organizations") };

    const response = await client.post(location, fields);
    expect(response.status).toBe(302);
    const meetingId = response.headers.get("location")!.match(/^\/meetings\/([\w-]+)$/)![1];

    expect(await count("meetings")).toBe(before.meetings + 1);
    expect(await count("people")).toBe(before.people);
    expect(await count("organizations")).toBe(before.organizations);
    const meeting = await server.db.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirstOrThrow();
    expect(meeting.status).toBe("draft");
    expect(meeting.kind).toBe("selector_meeting");
    expect(meeting.held_at).toBe("2020-04-14T05:00:00.000Z");
    const speakers = await server.db
      .selectFrom("speakers")
      .innerJoin("people", "people.id", "speakers.person_id")
      .select(["people.full_name", "speakers.sort_order", "speakers.organization_id"])
      .where("meeting_id", "=", meetingId)
      .orderBy("sort_order")
      .execute();
    expect(speakers.map((s) => s.full_name.split(" ").at(-1))).toEqual(SURNAMES);
    expect(speakers.every((s) => s.organization_id)).toBe(true);
    const instructions = await server.db.selectFrom("instructions").selectAll().where("meeting_id", "=", meetingId).orderBy("number").execute();
    expect(instructions.map((i) => [i.number, i.deadline, i.deadline_note])).toEqual([
      ["1", "2020-12-31", null],
      ["2", null, "жедел"],
    ]);
    const assignments = await server.db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select(["assignments.instruction_id", "assignments.role", "organizations.kind", "organizations.code", "assignments.deadline"])
      .where("instruction_id", "in", instructions.map((i) => i.id))
      .execute();
    expect(assignments).toHaveLength(24);
    const first = assignments.filter((a) => a.instruction_id === instructions[0].id);
    expect(first.filter((a) => a.role === "lead").map((a) => a.code)).toEqual(["mdai"]);
    expect(first.filter((a) => a.role === "co_executor").map((a) => a.code).sort()).toEqual(["kar-tel", "kazakhtelecom", "transtelecom"]);
    expect(first.every((a) => a.deadline === "2020-12-31")).toBe(true);
    const second = assignments.filter((a) => a.instruction_id === instructions[1].id);
    expect(second).toHaveLength(20);
    expect(second.every((a) => a.role === "lead" && ["regional_akimat", "city_akimat"].includes(a.kind))).toBe(true);

    const audit = await server.db.selectFrom("audit_log").select(["action"]).where("actor_user_id", "=", meeting.created_by).execute();
    const actions = audit.map((row) => row.action);
    expect(actions.filter((a) => a === "meeting.create")).toHaveLength(1);
    expect(actions.filter((a) => a === "minutes_import.confirm")).toHaveLength(1);
    expect(actions.filter((a) => a === "speaker.create").length).toBeGreaterThanOrEqual(6);

    // The flash and the minutes page.
    const page = await client.get(`/meetings/${meetingId}`);
    const minutes = await page.text();
    expect(minutes).toContain(kk["import.flash.created"]);
    expect(minutes).toContain("Асқар Мамин");
    for (const surname of SURNAMES) expect(minutes).toContain(surname);

    // A second confirm of the same review (a double click, the back button) lands on the same meeting.
    const again = await client.post(location, fields);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/meetings/${meetingId}`);
    expect(await count("meetings")).toBe(before.meetings + 1);
    // And the review page itself now leads to the meeting.
    const review = await client.get(location);
    expect(review.status).toBe(302);
    expect(review.headers.get("location")).toBe(`/meetings/${meetingId}`);
  });

  it("creates a proposed new organization and a new person when the review keeps them as new", async () => {
    const client = await as("secretariat");
    const { location, html } = await paste(client);
    const fields = formFields(html);
    fields["speakers.5.person"] = "new";
    fields["speakers.5.name"] = "Қ. Ақсақалов-Жаңа";
    fields["speakers.4.include"] = "";
    delete fields["speakers.4.include"];
    // A ministry the directory lacks, named with the dative ending a Kazakh sentence gives it.
    fields["instructions.0.co.3"] = "new:Туризм және спорт министрлігіне";
    const before = { organizations: await count("organizations"), people: await count("people") };
    const response = await client.post(location, fields);
    expect(response.status).toBe(302);
    const meetingId = response.headers.get("location")!.split("/").at(-1)!;
    expect(await count("organizations")).toBe(before.organizations + 2);
    expect(await count("people")).toBe(before.people + 1);
    const ministry = await server.db.selectFrom("organizations").select("kind").where("name_kk", "=", "Туризм және спорт министрлігіне").executeTakeFirstOrThrow();
    expect(ministry.kind).toBe("ministry");
    // A company's name does not say whether it is an operator or a national company.
    const created = await server.db.selectFrom("organizations").selectAll().where("name_kk", "=", fields["instructions.0.co.0"].slice("new:".length)).executeTakeFirstOrThrow();
    expect(created.kind).toBe("other");
    expect(fields["instructions.0.co.0"]).toBe(`new:${created.name_kk}`);
    const speakers = await server.db.selectFrom("speakers").select("id").where("meeting_id", "=", meetingId).execute();
    expect(speakers).toHaveLength(5);
    const assignments = await server.db
      .selectFrom("assignments")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .select(["assignments.organization_id", "assignments.role"])
      .where("instructions.meeting_id", "=", meetingId)
      .execute();
    expect(assignments).toHaveLength(23);
    expect(assignments).toContainEqual({ organization_id: created.id, role: "co_executor" });
  });

  it("refuses a blank title next to the field, keeps every edit on the page and after a reload, and writes no meeting", async () => {
    const client = await as("secretariat");
    const { location, html } = await paste(client);
    const fields = { ...formFields(html), title: "", "speakers.1.position": "Басқарма төрағасы (түзетілді)", "instructions.0.text": "Түзетілген тапсырма мәтіні" };
    const meetings = await count("meetings");
    const response = await client.post(location, fields);
    expect(response.status).toBe(400);
    const page = await response.text();
    expect(page).toContain(kk["validation.required"]);
    expect(page).toContain(kk["import.error.form"]);
    expect(page).toContain("Басқарма төрағасы (түзетілді)");
    expect(page).toContain("Түзетілген тапсырма мәтіні");
    expect(await count("meetings")).toBe(meetings);
    const reloaded = formFields(await (await client.get(location)).text());
    expect(reloaded["speakers.1.position"]).toBe("Басқарма төрағасы (түзетілді)");
    expect(reloaded.title).toBe("");
  });

  it("refuses a deadline before the meeting with the message in Russian for a Russian reader", async () => {
    const client = new Client(server);
    await client.signIn("secretariat");
    expect((await client.post("/language", { language: "ru", redirectTo: "/" })).status).toBe(302);
    const { location, html } = await paste(client);
    expect(html).toContain(ru["import.review.title"]);
    const response = await client.post(location, { ...formFields(html), "instructions.0.deadline": "2020-01-01" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(ru["instructions.error.deadlineBeforeMeeting"]);
    expect((await client.post("/language", { language: "kk", redirectTo: "/" })).status).toBe(302);
  });
});

describe("import: files", () => {
  async function docx(paragraphs: string[]): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      "_rels/.rels",
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    zip.file(
      "word/document.xml",
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join("") +
        "</w:body></w:document>",
    );
    return zip.generateAsync({ type: "uint8array" });
  }

  it("reads an uploaded .docx into the same review", async () => {
    const client = await as("secretariat");
    const bytes = await docx(REFERENCE.split("\n"));
    const response = await client.postMultipart("/meetings/import", { text: "", meetingDate: MEETING_DATE }, [{ name: "file", filename: "селектор.docx", bytes }]);
    expect(response.status).toBe(302);
    const html = await (await client.get(response.headers.get("location")!)).text();
    expect(html).toContain(kk["import.review.source"].replace("{name}", "селектор.docx"));
    const fields = formFields(html);
    expect(Object.keys(fields).filter((name) => /^speakers\.\d+\.name$/.test(name))).toHaveLength(6);
    expect(Object.keys(fields).filter((name) => /^instructions\.\d+\.text$/.test(name))).toHaveLength(2);
  });

  it("reads a UTF-8 .txt and refuses other types, non-UTF-8 text and a .docx that is not one, in the reader's language", async () => {
    const client = await as("secretariat");
    const txt = await client.postMultipart("/meetings/import", { text: "", meetingDate: MEETING_DATE }, [
      { name: "file", filename: "minutes.txt", bytes: new TextEncoder().encode(REFERENCE) },
    ]);
    expect(txt.status).toBe(302);

    const snapshot = await snapshotDatabase(server.db);
    const cases: [string, Uint8Array, string][] = [
      ["minutes.pdf", new TextEncoder().encode("%PDF-1.4 not minutes"), kk["import.error.fileType"]],
      ["minutes.txt", new Uint8Array([0xc1, 0xe5, 0xe7, 0x20, 0xff]), kk["import.error.notUtf8"]],
      ["minutes.docx", new TextEncoder().encode("plain text renamed"), kk["import.error.fileType"]],
    ];
    for (const [filename, bytes, message] of cases) {
      const response = await client.postMultipart("/meetings/import", { text: "қолмен қойылған мәтін", meetingDate: "" }, [{ name: "file", filename, bytes }]);
      expect(response.status, filename).toBe(400);
      const html = await response.text();
      expect(html, filename).toContain(message);
      expect(html, filename).toContain("қолмен қойылған мәтін");
    }
    expect(await snapshotDatabase(server.db)).toEqual(snapshot);
    // The same refusal in English for an English reader.
    const english = new Client(server);
    await english.signIn("secretariat");
    await english.post("/language", { language: "en", redirectTo: "/" });
    const response = await english.postMultipart("/meetings/import", { text: "" }, [{ name: "file", filename: "minutes.odt", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]) }]);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(en["import.error.fileType"]);
    await english.post("/language", { language: "kk", redirectTo: "/" });
  });
});

describe("import: permissions", () => {
  it("refuses the controller and an assignee on both pages, writing nothing", async () => {
    const secretariat = await as("secretariat");
    const { location, html } = await paste(secretariat);
    const fields = formFields(html);
    const refused = { controller: await as("controller"), akmola: await as("akmola") };
    // Sessions aside (a request may extend its own session): nothing else may change.
    const withoutSessions = async () => ({ ...(await snapshotDatabase(server.db)), sessions: [] });
    const snapshot = await withoutSessions();
    for (const [login, client] of Object.entries(refused)) {
      expect((await client.get("/meetings/import")).status, login).toBe(403);
      expect((await client.get(location)).status, login).toBe(403);
      expect((await client.post("/meetings/import", { text: REFERENCE, meetingDate: MEETING_DATE })).status, login).toBe(403);
      expect((await client.post(location, fields)).status, login).toBe(403);
      expect(await (await client.get("/meetings")).text()).not.toContain('href="/meetings/import"');
    }
    expect(await withoutSessions()).toEqual(snapshot);
  });

  it("answers 404 for an import that does not exist", async () => {
    const secretariat = await as("secretariat");
    expect((await secretariat.get("/meetings/import/00000000-0000-7000-8000-000000000000")).status).toBe(404);
  });
});
