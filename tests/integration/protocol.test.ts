import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { createAssignment, createInstruction, createMeeting } from "../factories";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

/*
 * The printable protocol and its PDF, against the production server: Chromium on the server prints the
 * protocol page as the requesting user, and pdftotext (poppler-utils) reads back what a reader would see.
 */

const SPEAKER_SURNAMES = ["Жұмағалиев", "Есекеев", "Надыров", "Настрадин", "Маржықпаев", "Ақсақалов"];
// A phrase of each instruction's text, as the demo data has it.
const INSTRUCTION_1_PHRASE = "жоспарланған елді мекендерді интернетпен қамтамасыз ету жобаларын";
const INSTRUCTION_2_PHRASE = "Антенналық-мачталық құрылыстар салуға";

let server: TestServer;
let meetingId: string;

async function signedIn(login: string): Promise<Client> {
  const client = new Client(server);
  expect((await client.signIn(login)).status).toBe(302);
  return client;
}

/** The PDF's text as pdftotext reads it, every run of whitespace made one space. */
function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-pdf-"));
  try {
    const file = path.join(dir, "protocol.pdf");
    fs.writeFileSync(file, pdf);
    return execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function downloadPdf(client: Client, id = meetingId) {
  const started = Date.now();
  const response = await client.get(`/meetings/${id}/protocol.pdf`);
  expect(response.status, await response.clone().text().catch(() => "")).toBe(200);
  const pdf = Buffer.from(await response.arrayBuffer());
  return { response, pdf, text: pdfText(pdf), milliseconds: Date.now() - started };
}

beforeAll(async () => {
  // One page turn (server.js): the PDF's renderer loads the protocol page from this server while the PDF request is
  // open, so the PDF must not hold the only turn.
  server = await startServer({ PAGES_AT_ONCE: "1" });
  const meeting = await server.db.selectFrom("meetings").select("id").where("protocol_number", "=", "14").executeTakeFirstOrThrow();
  meetingId = meeting.id;
});
afterAll(() => server?.stop());

describe("the printable protocol page", () => {
  it("shows the protocol on a sheet with a way back and a PDF link", async () => {
    const response = await (await signedIn("controller")).get(`/meetings/${meetingId}/protocol`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(kk["protocol.heading"]);
    expect(html).toContain("protocol-sheet");
    expect(html).toContain(`href="/meetings/${meetingId}/protocol.pdf"`);
    expect(html).toContain(`href="/meetings/${meetingId}"`);
    expect(html).toContain(kk["protocol.backToMinutes"]);
  });
});

describe("the protocol as PDF", () => {
  it("gives the controller the whole protocol in Kazakh as an A4 PDF download", async () => {
    const { response, pdf, text, milliseconds } = await downloadPdf(await signedIn("controller"));
    console.log(`protocol.pdf rendered in ${milliseconds} ms (${pdf.length} bytes)`);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="protocol-14.pdf"; filename*=UTF-8''protocol-14.pdf`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    expect(text).toContain("Мамин");
    for (const surname of SPEAKER_SURNAMES) expect(text, surname).toContain(surname);
    expect(text).toContain("14/1");
    expect(text).toContain("14/2");
    expect(text).toContain(INSTRUCTION_1_PHRASE);
    expect(text).toContain(INSTRUCTION_2_PHRASE);
    for (const key of ["minutes.held", "minutes.chair", "minutes.deadline", "table.organization", "assignmentRole.lead"] as const) {
      expect(text, key).toContain(kk[key]);
    }
    // Page numbers in the footer: "1 / N" … "N / N" (pdftotext closes up the spaces).
    const pages = Number(text.match(/\b1 ?\/ ?(\d+)\b/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toMatch(new RegExp(`\\b${pages} ?/ ?${pages}\\b`));
  });

  it("is in the reader's language", async () => {
    const client = await signedIn("controller");
    try {
      expect((await client.post("/language", { language: "en", redirectTo: "/" })).status).toBe(302);
      const { text } = await downloadPdf(client);
      for (const key of ["minutes.held", "minutes.chair", "minutes.deadline", "minutes.issuedBy", "table.organization", "assignmentRole.lead", "assignmentRole.co_executor"] as const) {
        expect(text, key).toContain(en[key]);
      }
      expect(text).not.toContain(kk["minutes.chair"]);
      expect(text).not.toContain(kk["assignmentRole.lead"]);

      expect((await client.post("/language", { language: "ru", redirectTo: "/" })).status).toBe(302);
      const russian = await downloadPdf(client);
      for (const key of ["minutes.held", "minutes.chair", "assignmentRole.lead"] as const) expect(russian.text, key).toContain(ru[key]);
      // What was said stays as recorded, whatever the reader's language.
      expect(russian.text).toContain(INSTRUCTION_2_PHRASE);
    } finally {
      await server.db.updateTable("users").set({ language: "kk" }).where("login", "=", "controller").execute();
    }
  });

  it("shows an assignee only the instructions addressed to their organization", async () => {
    const { text } = await downloadPdf(await signedIn("akmola"));
    expect(text).toContain("14/2");
    expect(text).toContain(INSTRUCTION_2_PHRASE);
    expect(text).not.toContain("14/1");
    expect(text).not.toContain(INSTRUCTION_1_PHRASE);
  });

  it("answers 404 for a meeting the user may not see, before any PDF is made, and for one that does not exist", async () => {
    const akmolaOrganization = await server.db
      .selectFrom("users")
      .select("organization_id")
      .where("login", "=", "akmola")
      .executeTakeFirstOrThrow();
    // A draft that would otherwise concern Akmola: drafts are not the assignees' to read.
    const draft = await createMeeting(server.db, { status: "draft", protocol_number: "99-draft", title: "Жоба отырыс" });
    const instruction = await createInstruction(server.db, { meeting_id: draft.id, text: "Жобадағы тапсырма мәтіні." });
    await createAssignment(server.db, { instruction_id: instruction.id, organization_id: akmolaOrganization.organization_id! });

    const akmola = await signedIn("akmola");
    for (const id of [draft.id, "00000000-0000-7000-8000-000000000000"]) {
      for (const suffix of ["/protocol", "/protocol.pdf"]) {
        const response = await akmola.get(`/meetings/${id}${suffix}`);
        const body = await response.text();
        expect(response.status, `${id}${suffix}`).toBe(404);
        expect(response.headers.get("content-type") ?? "").not.toContain("pdf");
        expect(body).not.toContain("Жобадағы тапсырма мәтіні");
      }
    }

    // The secretariat sees the same draft, marked as one.
    const secretariat = await signedIn("secretariat");
    const page = await secretariat.get(`/meetings/${draft.id}/protocol`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(kk["meetingStatus.draft"]);
  });

  it("sends a visitor who is not signed in to the sign-in page", async () => {
    const response = await new Client(server).get(`/meetings/${meetingId}/protocol.pdf`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/login?redirectTo=${encodeURIComponent(`/meetings/${meetingId}/protocol.pdf`)}`);
  });
});

describe("without Chromium on the server", () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startServer({ CHROMIUM_PATH: "/nonexistent/chromium" });
  });
  afterAll(() => bare?.stop());

  it("answers 503 with a clear message in the reader's language", async () => {
    const client = new Client(bare);
    expect((await client.signIn("controller")).status).toBe(302);
    const meeting = await bare.db.selectFrom("meetings").select("id").where("protocol_number", "=", "14").executeTakeFirstOrThrow();
    const response = await client.get(`/meetings/${meeting.id}/protocol.pdf`);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(await response.text()).toBe(kk["protocol.pdfUnavailable"]);
    // The print version still works.
    expect((await client.get(`/meetings/${meeting.id}/protocol`)).status).toBe(200);
  });
});
