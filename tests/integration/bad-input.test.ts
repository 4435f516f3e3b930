import { cleanText } from "../../app/schemas/form";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "../../app/i18n/catalogues";
import { createMeeting } from "../factories";
import { Client } from "../support/http";
import { anyText, hugeText, runs } from "../support/properties";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase, writeFingerprint } from "../support/snapshot";

/*
 * Bad input against the real server (issue #8, item 7): fast-check bodies posted to representative forms.
 * No 5xx; a refusal saves nothing and names the problem in the reader's language (the demo users read
 * Kazakh); accepted text is stored as its trimmed NFC form. Seeded; FC_RUNS lengthens the run.
 */

let server: TestServer;
let signedIn: Client;
/** A draft meeting the editor forms post into. */
let meetingId = "";
let akmola: Client;

/** Kazakh validation and error messages of the catalogue, as the page shows them. */
const KAZAKH_ERRORS = Object.entries(CATALOGUES.kk)
  .filter(([key]) => /^validation\.|\.error\./.test(key))
  .map(([, message]) => message);
const ENGLISH_ERRORS = Object.entries(CATALOGUES.en)
  .filter(([key]) => /^validation\.|\.error\./.test(key))
  .map(([, message]) => message);

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
}

/** Mostly a value the form takes (so the accepting path runs too), otherwise hostile text. */
function typedOrValid(valid: string): fc.Arbitrary<string> {
  return fc.oneof({ arbitrary: fc.constant(valid), weight: 4 }, { arbitrary: anyText(), weight: 1 }, { arbitrary: hugeText, weight: 1 });
}

const dataVersion = () => writeFingerprint(server.db);

beforeAll(async () => {
  server = await startServer();
  signedIn = new Client(server);
  expect((await signedIn.signIn("secretariat")).status).toBe(302);
  meetingId = (await createMeeting(server.db, { status: "draft" })).id;
  // Signed in before the sign-in property's failures throttle this address.
  akmola = new Client(server);
  expect((await akmola.signIn("akmola")).status).toBe(302);
});
afterAll(() => server?.stop());

describe("bad input against the real server", () => {
  it("a new meeting: refused with a Kazakh message and nothing saved, or stored as typed in NFC", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(typedOrValid("  Селекторлық кеңес и\u0306 ә  "), typedOrValid("2026-11-20"), typedOrValid("10:30"), anyText(), async (title, heldDate, heldTime, place) => {
        const before = await snapshotDatabase(server.db);
        const response = await signedIn.post("/meetings/new", { kind: "selector_meeting", title, heldDate, heldTime, place });
        const html = decode(await response.text());
        expect(response.status).toBeLessThan(500);
        if (response.status === 302) {
          const id = (response.headers.get("location") ?? "").split("/")[2];
          const stored = await server.db.selectFrom("meetings").select(["title", "place"]).where("id", "=", id).executeTakeFirstOrThrow();
          expect(stored.title).toBe(cleanText(title));
          expect(stored.place ?? "").toBe(cleanText(place));
          accepted++;
          return;
        }
        expect(response.status).toBe(400);
        expect(await snapshotDatabase(server.db)).toEqual(before);
        expect(KAZAKH_ERRORS.some((message) => html.includes(message))).toBe(true);
        expect(ENGLISH_ERRORS.filter((message) => html.includes(message))).toEqual([]);
      }),
      runs(25),
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("sign-in: any login and password is refused without a 5xx, in Kazakh, and nothing saved but the failed attempt", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText(), hugeText), fc.oneof(anyText(), hugeText), async (login, password) => {
        const { sign_in_failures: _, ...before } = await snapshotDatabase(server.db);
        const response = await new Client(server).post("/login", { login, password });
        const html = decode(await response.text());
        expect([400, 401, 429]).toContain(response.status);
        expect(KAZAKH_ERRORS.some((message) => html.includes(message))).toBe(true);
        const { sign_in_failures: __, ...after } = await snapshotDatabase(server.db);
        expect(after).toEqual(before);
      }),
      runs(20),
    );
  });

  /**
   * The editor and directory forms: each posts fast-check text into its text fields. A 302 must have stored
   * the trimmed NFC form of what was typed (found by that value); anything else must be a 400 that saved
   * nothing and says why in Kazakh.
   */
  const FORMS: { name: string; path: () => string; fixed: Record<string, string>; fields: string[]; stored: { table: string; column: string; field: string } }[] = [
    { name: "organization", path: () => "/organizations/new", fixed: { kind: "agency" }, fields: ["name_kk", "name_ru", "name_en", "short_name_kk"], stored: { table: "organizations", column: "name_kk", field: "name_kk" } },
    { name: "person", path: () => "/people/new", fixed: {}, fields: ["full_name", "position"], stored: { table: "people", column: "full_name", field: "full_name" } },
    { name: "instruction", path: () => `/meetings/${meetingId}/instructions/new`, fixed: { deadlineChoice: "date" }, fields: ["number", "text", "deadline", "deadlineNote"], stored: { table: "instructions", column: "text", field: "text" } },
    { name: "speaker", path: () => `/meetings/${meetingId}/edit`, fixed: { intent: "speaker_add" }, fields: ["newPersonName", "position", "summary"], stored: { table: "people", column: "full_name", field: "newPersonName" } },
    { name: "agenda item", path: () => `/meetings/${meetingId}/edit`, fixed: { intent: "agenda_add" }, fields: ["title"], stored: { table: "agenda_items", column: "title", field: "title" } },
  ];
  for (const form of FORMS) {
    it(`${form.name}: refused in Kazakh with nothing saved, or stored as typed in NFC`, async () => {
      const body = fc.record(Object.fromEntries(form.fields.map((field) => [field, typedOrValid(field === "deadline" ? "2030-01-15" : field === "number" ? " 7 " : " Ақмола и\u0306 ")])));
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(body, async (values) => {
          const before = await snapshotDatabase(server.db);
          const response = await signedIn.post(form.path(), { ...form.fixed, ...values });
          const html = decode(await response.text());
          const typed = cleanText(values[form.stored.field]);
          if (response.status === 302) {
            const row = await sql`select 1 from ${sql.table(form.stored.table)} where ${sql.ref(form.stored.column)} = ${typed}`.execute(server.db);
            expect(row.rows.length, `${form.name}: ${JSON.stringify(typed)} stored`).toBeGreaterThan(0);
            accepted++;
            return;
          }
          expect(response.status, JSON.stringify(values)).toBe(400);
          expect(await snapshotDatabase(server.db)).toEqual(before);
          expect(KAZAKH_ERRORS.some((message) => html.includes(message))).toBe(true);
          expect(ENGLISH_ERRORS.filter((message) => html.includes(message))).toEqual([]);
        }),
        runs(15),
      );
      // The seeded run reaches the accepting path too, not only refusals.
      expect(accepted).toBeGreaterThan(0);
    });
  }

  it("register filters and the search query in the URL: never a 5xx, never a write", async () => {
    const query = fc.dictionary(fc.constantFrom("q", "status", "organization", "from", "to", "sort", "dir", "page", "overdue", "kind", "meeting"), anyText(), { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(query, fc.constantFrom("/instructions", "/assignments", "/meetings", "/search"), async (params, path) => {
        const before = await dataVersion();
        const response = await signedIn.get(`${path}?${new URLSearchParams(params)}`);
        await response.arrayBuffer();
        expect(response.status, `${path} ${JSON.stringify(params)}`).toBe(200);
        expect(await dataVersion()).toBe(before);
      }),
      runs(30),
    );
  });

  it("a progress report with oversized or wrong-type files: refused in Kazakh and nothing saved", async () => {
    const organization = (await server.db.selectFrom("users").select("organization_id").where("login", "=", "akmola").executeTakeFirstOrThrow()).organization_id!;
    const assignment = await server.db
      .selectFrom("assignments")
      .select(["id", "version"])
      .where("organization_id", "=", organization)
      .where("status", "in", ["assigned", "in_progress"])
      .executeTakeFirstOrThrow();
    const file = fc.oneof(
      // Wrong type: the extension or the first bytes say it is no accepted document.
      fc.record({ filename: fc.constantFrom("report.exe", "report.pdf", "отчёт.docx", "a.txt"), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      // Oversized: one byte over 20 MiB.
      fc.constant({ filename: "big.pdf", bytes: new Uint8Array(20 * 1024 * 1024 + 1).fill(0x25) }),
    );
    await fc.assert(
      fc.asyncProperty(file, anyText(), async ({ filename, bytes }, body) => {
        const before = await snapshotDatabase(server.db);
        const response = await akmola.postMultipart(
          `/assignments/${assignment.id}`,
          { action: "post_progress", version: String(assignment.version), idempotencyKey: `prop-${Date.now()}-${Math.random()}`, body, percent: "" },
          [{ name: "files", filename, bytes }],
        );
        const html = decode(await response.text());
        expect(response.status).toBe(400);
        expect(await snapshotDatabase(server.db)).toEqual(before);
        expect(KAZAKH_ERRORS.some((message) => html.includes(message.replace(/\{\w+\}.*$/, "")))).toBe(true);
      }),
      { ...runs(8), numRuns: Math.min(Number(process.env.FC_RUNS ?? 8), 40) },
    );
  });
});
