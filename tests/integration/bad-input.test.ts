import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "../../app/i18n/catalogues";
import { Client } from "../support/http";
import { anyText, hugeText, runs } from "../support/properties";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * Bad input against the real server (issue #8, item 7): fast-check bodies posted to representative forms.
 * No 5xx; a refusal saves nothing and names the problem in the reader's language (the demo users read
 * Kazakh); accepted text is stored as its trimmed NFC form. Seeded; FC_RUNS lengthens the run.
 */

let server: TestServer;
const secretariat = () => new Client(server);
let signedIn: Client;

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

async function dataVersion(): Promise<number> {
  return (await sql<{ data_version: number }>`pragma data_version`.execute(server.db)).rows[0].data_version;
}

beforeAll(async () => {
  server = await startServer();
  signedIn = secretariat();
  expect((await signedIn.signIn("secretariat")).status).toBe(302);
});
afterAll(() => server?.stop());

describe("bad input against the real server", () => {
  it("a new meeting: refused with a Kazakh message and nothing saved, or stored as typed in NFC", async () => {
    const title = fc.oneof(anyText(), hugeText, fc.constant("  Селекторлық кеңес и\u0306 ә  "));
    await fc.assert(
      fc.asyncProperty(title, anyText(12), anyText(8), anyText(), async (title, heldDate, heldTime, place) => {
        const before = await snapshotDatabase(server.db);
        const response = await signedIn.post("/meetings/new", { kind: "selector_meeting", title, heldDate, heldTime, place });
        const html = decode(await response.text());
        expect(response.status).toBeLessThan(500);
        if (response.status === 302) {
          const id = (response.headers.get("location") ?? "").split("/")[2];
          const stored = await server.db.selectFrom("meetings").select(["title", "place"]).where("id", "=", id).executeTakeFirstOrThrow();
          expect(stored.title).toBe(title.normalize("NFC").trim());
          expect(stored.place ?? "").toBe(place.normalize("NFC").trim());
          return;
        }
        expect(response.status).toBe(400);
        expect(await snapshotDatabase(server.db)).toEqual(before);
        expect(KAZAKH_ERRORS.some((message) => html.includes(message))).toBe(true);
        expect(ENGLISH_ERRORS.filter((message) => html.includes(message))).toEqual([]);
      }),
      runs(25),
    );
  });

  it("sign-in: any login and password is answered without a 5xx, a refusal in Kazakh, and nothing saved but the attempt", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText(), hugeText), fc.oneof(anyText(), hugeText), async (login, password) => {
        const response = await new Client(server).post("/login", { login, password });
        const html = decode(await response.text());
        expect(response.status).toBeLessThan(500);
        if (response.status !== 302) expect(KAZAKH_ERRORS.some((message) => html.includes(message))).toBe(true);
      }),
      runs(20),
    );
  });

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
    const akmola = new Client(server);
    expect((await akmola.signIn("akmola")).status).toBe(302);
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
