import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as searchIndexMigration from "../../db/migrations/2026-11-24T1900-search-index";
import { createDatabase, type DB } from "../../app/utils/db.server";
import { timestamp } from "../../app/utils/ids";
import { ftsMatchExpression, tsQueryText } from "../../app/domain/search";
import { createAssignment, createAssignmentEvent, createInstruction, createMeeting } from "../factories";
import { Client } from "../support/http";
import { freshDatabase, testEngine, type FreshDatabase } from "../support/database";
import { startServer, type TestServer } from "../support/server";

/*
 * The search box through HTTP, as the readers use it: Kazakh and Russian in any letter case, NFC, marked
 * matches, nothing a reader may not open, and no way to speak FTS5 through the query.
 */

let server: TestServer;
let controller: Client;
let akmola: Client;
const made: Record<string, string> = {};

interface Hit {
  kind: string;
  href: string;
  html: string;
}

async function search(client: Client, query: string) {
  const response = await client.get(`/search?q=${encodeURIComponent(query)}`);
  const html = await response.text();
  const hits: Hit[] = [...html.matchAll(/<li[^>]*data-testid="search-hit" data-kind="(\w+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({
    kind: m[1],
    html: m[2],
    href: m[2].match(/href="([^"]+)"/)?.[1] ?? "",
  }));
  return { status: response.status, html, hits };
}

const hrefs = (hits: Hit[], kind?: string) => hits.filter((hit) => !kind || hit.kind === kind).map((hit) => hit.href).sort();

beforeAll(async () => {
  server = await startServer();
  controller = new Client(server);
  expect((await controller.signIn("controller")).status).toBe(302);
  akmola = new Client(server);
  expect((await akmola.signIn("akmola")).status).toBe(302);

  const db = server.db;
  const orgId = async (code: string) => (await db.selectFrom("organizations").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const [akmolaId, kostanayId] = [await orgId("akmola"), await orgId("kostanay")];
  const now = timestamp();

  // Kazakh minutes addressed to Akmola, with the word "әкімдіктерге".
  const kkMeeting = await createMeeting(db, {
    title: "Жер мәселелері жөніндегі жұмыс кеңесі",
    protocol_number: "77",
    status: "published",
    published_at: now,
    summary: "Облыстарда байланыс құрылыстарына жер учаскелерін бөлу барысы қаралды.",
  });
  const kkInstruction = await createInstruction(db, {
    meeting_id: kkMeeting.id,
    number: "1",
    text: "Облыс әкімдіктерге антенналық-мачталық құрылыстарға жер бөлуді жеделдету.",
  });
  await createAssignment(db, { instruction_id: kkInstruction.id, organization_id: akmolaId });
  const hostile = await createInstruction(db, {
    meeting_id: kkMeeting.id,
    number: "2",
    text: 'Тексеру <img src=x onerror="alert(1)"> белгісөз.',
  });
  Object.assign(made, { kkMeeting: kkMeeting.id, kkInstruction: kkInstruction.id, hostile: hostile.id });

  // Russian minutes addressed to Kostanay only; one word stored in capitals, one with й.
  const ruMeeting = await createMeeting(db, {
    title: "Совещание по связи в сельской местности",
    protocol_number: "78",
    status: "published",
    published_at: now,
    summary: "Рассмотрен ход ПОДКЛЮЧЕНИЯ районных больниц.",
  });
  const ruInstruction = await createInstruction(db, {
    meeting_id: ruMeeting.id,
    number: "1",
    text: "Акиматам областей обеспечить подключение районных больниц к широкополосному интернету.",
  });
  await createAssignment(db, { instruction_id: ruInstruction.id, organization_id: kostanayId });
  Object.assign(made, { ruMeeting: ruMeeting.id, ruInstruction: ruInstruction.id });

  // Draft minutes that would reach Akmola once published.
  const draft = await createMeeting(db, {
    title: "Жабық кеңес: құпиякеңес",
    protocol_number: "79",
    status: "draft",
    summary: "Құпиякеңес күн тәртібі.",
  });
  const draftInstruction = await createInstruction(db, { meeting_id: draft.id, number: "1", text: "Құпиякеңес бойынша ұсыныс енгізу." });
  await createAssignment(db, { instruction_id: draftInstruction.id, organization_id: akmolaId });
  Object.assign(made, { draft: draft.id, draftInstruction: draftInstruction.id });

  // Two reports with the same word: Akmola's own, and Kostanay's on the demo instruction 14/2.
  const demoAssignment = async (organizationId: string) =>
    (
      await db
        .selectFrom("assignments")
        .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
        .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
        .select("assignments.id")
        .where("meetings.protocol_number", "=", "14")
        .where("instructions.number", "=", "2")
        .where("assignments.organization_id", "=", organizationId)
        .executeTakeFirstOrThrow()
    ).id;
  const [akmolaAssignment, kostanayAssignment] = [await demoAssignment(akmolaId), await demoAssignment(kostanayId)];
  await createAssignmentEvent(db, {
    assignment_id: kostanayAssignment,
    kind: "progress",
    author_organization_id: kostanayId,
    body: "Қостанайдың ішкі есебі: шекарааймақ учаскелері келісілді.",
  });
  await createAssignmentEvent(db, {
    assignment_id: akmolaAssignment,
    kind: "progress",
    author_organization_id: akmolaId,
    body: "Ақмоланың есебі: шекарааймақ бойынша жұмыс басталды.",
  });
  Object.assign(made, { akmolaAssignment, kostanayAssignment });
});
afterAll(() => server?.stop());

describe("the search box", () => {
  it("sits in the header of every signed-in page, labelled, as a GET form to /search", async () => {
    const html = await (await controller.get("/")).text();
    expect(html).toMatch(/<form[^>]*method="get"[^>]*action="\/search"|<form[^>]*action="\/search"[^>]*method="get"/);
    expect(html).toMatch(/<label for="header-search"[^>]*>[^<]+<\/label><input id="header-search" type="search" name="q"/);
  });

  it("finds Kazakh words whatever the letter case, and marks the word found", async () => {
    const upper = await search(controller, "ӘКІМДІКТЕРГЕ");
    expect(upper.status).toBe(200);
    expect(hrefs(upper.hits, "instruction")).toEqual([`/instructions/${made.kkInstruction}`]);
    expect(upper.hits[0].html).toMatch(/<mark[^>]*>әкімдіктерге<\/mark>/);
    expect(upper.hits[0].html).toContain("77/1");

    const lower = await search(controller, "әкімдіктерге");
    expect(hrefs(lower.hits)).toEqual(hrefs(upper.hits));
  });

  it("finds the demo instruction 14/2 and the reports on it by the start of a word, in every group", async () => {
    const demo = await search(controller, "АНТЕННАЛЫҚ-МАЧТАЛЫҚ");
    const instructionHits = demo.hits.filter((hit) => hit.kind === "instruction");
    expect(instructionHits.map((hit) => hit.html).join()).toContain("14/2");
    expect(instructionHits).toHaveLength(2);
    expect(demo.hits.filter((hit) => hit.kind === "speaker").map((hit) => hit.href)).toHaveLength(1);
    expect(demo.hits.filter((hit) => hit.kind === "report").length).toBeGreaterThan(0);
    expect(demo.hits.filter((hit) => hit.kind === "report").every((hit) => hit.href.startsWith("/assignments/"))).toBe(true);
    expect(demo.html).toMatch(/<mark[^>]*>Антенналық<\/mark>-<mark[^>]*>мачталық<\/mark>/);

    const byName = await search(controller, "жұмағали");
    expect(byName.hits.map((hit) => hit.kind)).toEqual(["speaker"]);
    expect(byName.hits[0].html).toMatch(/<mark[^>]*>Жұмағалиев<\/mark>/);
  });

  it("finds Russian words in another letter case and keeps й apart from и", async () => {
    const instruction = await search(controller, "ШИРОКОПОЛОСНОМУ");
    expect(hrefs(instruction.hits)).toEqual([`/instructions/${made.ruInstruction}`]);
    expect(instruction.hits[0].html).toMatch(/<mark[^>]*>широкополосному<\/mark>/);

    const stored = await search(controller, "подключения");
    expect(hrefs(stored.hits)).toEqual([`/meetings/${made.ruMeeting}`]);
    expect(stored.hits[0].html).toMatch(/<mark[^>]*>ПОДКЛЮЧЕНИЯ<\/mark>/);

    const prefix = await search(controller, "Подключ районн");
    expect(hrefs(prefix.hits)).toEqual([`/instructions/${made.ruInstruction}`, `/meetings/${made.ruMeeting}`].sort());

    expect((await search(controller, "раионных")).hits).toEqual([]);
  });

  it("normalizes the query to NFC: a decomposed й finds the composed text", async () => {
    const decomposed = "раи\u0306онных";
    expect(decomposed).not.toBe(decomposed.normalize("NFC"));
    const found = await search(controller, decomposed);
    expect(hrefs(found.hits)).toEqual([`/instructions/${made.ruInstruction}`, `/meetings/${made.ruMeeting}`].sort());
    expect(found.html).toMatch(/<mark[^>]*>районных<\/mark>/);
  });

  it("shows an assignee only what their organization may open", async () => {
    const reports = await search(akmola, "шекарааймақ");
    expect(hrefs(reports.hits)).toEqual([`/assignments/${made.akmolaAssignment}`]);
    const all = await search(controller, "шекарааймақ");
    expect(hrefs(all.hits)).toEqual([`/assignments/${made.akmolaAssignment}`, `/assignments/${made.kostanayAssignment}`].sort());
    expect(all.html).not.toContain("Қостанайдың ішкі есебі: шекарааймақ");
    expect(reports.html).not.toContain("Қостанайдың");

    // Draft minutes: the secretariat's and controller's, not yet the assignee's, even though addressed to Akmola.
    expect((await search(akmola, "құпиякеңес")).hits).toEqual([]);
    expect(hrefs((await search(controller, "құпиякеңес")).hits)).toEqual(
      [`/meetings/${made.draft}`, `/instructions/${made.draftInstruction}`].sort(),
    );

    // Minutes addressed to another organization.
    expect((await search(akmola, "широкополосному")).hits).toEqual([]);
    expect((await search(akmola, "подключения")).hits).toEqual([]);

    // What is theirs they do find: the instruction addressed to them, the meeting it comes from.
    expect(hrefs((await search(akmola, "әкімдіктерге")).hits)).toEqual([`/instructions/${made.kkInstruction}`]);
    expect(hrefs((await search(akmola, "жұмыс кеңесі")).hits, "meeting")).toEqual([`/meetings/${made.kkMeeting}`]);
  });

  it("takes FTS5 operators and quotes as plain words: 200, no error, no injection", async () => {
    for (const query of ['"', "*", "OR", "NEAR(", "-", "^", "((", ")", "'", ";--", "a:b", "\\", "%", '"антенналық" OR "zzzqqq"', "NEAR(антенналық құрылыс)", "body:антенналық", "антенналық NOT"]) {
      const result = await search(controller, query);
      expect(result.status, query).toBe(200);
      expect(result.hits, query).toEqual([]);
    }
    // The operator characters only separate words.
    for (const query of ["-антенналық", "антенналық*", '"антенналық"', "(антенналық)"]) {
      const result = await search(controller, query);
      expect(result.status, query).toBe(200);
      expect(result.hits.length, query).toBeGreaterThan(0);
    }
    expect(server.output()).not.toMatch(/SqliteError|fts5: syntax error/);
  });

  it("shows stored text as text, never as HTML", async () => {
    const result = await search(controller, "белгісөз");
    expect(hrefs(result.hits)).toEqual([`/instructions/${made.hostile}`]);
    expect(result.html).not.toContain("<img src=x");
    expect(result.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("asks for words when there are none, and refuses the signed-out reader", async () => {
    const empty = await controller.get("/search");
    expect(empty.status).toBe(200);
    expect((await new Client(server).get("/search?q=x")).status).toBe(302);
  });
});

describe("the search index migration", () => {
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

  const documents = async () =>
    (await sql<{ kind: string; ref_id: string; title: string; body: string }>`select kind, ref_id, title, body from search_documents order by kind, ref_id`.execute(db)).rows;
  // What the index finds for a user's words, straight from the index (FTS5 MATCH, or tsvector @@ tsquery).
  const matches = async (words: string) =>
    (testEngine === "postgres"
      ? await sql<{ kind: string; ref_id: string }>`select kind, ref_id from search_documents where document @@ to_tsquery('simple', ${tsQueryText(words)})`.execute(db)
      : await sql<{ kind: string; ref_id: string }>`select kind, ref_id from search_index where search_index match ${ftsMatchExpression(words)}`.execute(db)
    ).rows;
  // FTS5 keeps its index apart from search_documents; PostgreSQL's tsvector is a generated column of the row itself.
  const integrityCheck = async () => {
    if (testEngine === "sqlite") await sql`insert into search_index (search_index) values ('integrity-check')`.execute(db);
  };

  it("indexes what the database already holds", async () => {
    const before = await documents();
    const counts = Object.fromEntries(["meeting", "speaker", "instruction", "event"].map((kind) => [kind, before.filter((d) => d.kind === kind).length]));
    const withBody = await sql<{ c: number }>`select count(*) as c from assignment_events where body is not null and trim(body) <> ''`.execute(db);
    expect(counts).toEqual({ meeting: 1, speaker: 6, instruction: 2, event: Number(withBody.rows[0].c) });

    await searchIndexMigration.down(db);
    await searchIndexMigration.up(db);
    expect(await documents()).toEqual(before);
    await integrityCheck();
    expect((await matches("антенналық")).length).toBeGreaterThan(3);
  });

  it("follows every edit of meetings, speakers, people and instructions, and every new report", async () => {
    const meeting = await db.selectFrom("meetings").select("id").executeTakeFirstOrThrow();
    await db.updateTable("meetings").set({ title: "Жаңартылған тақырып", summary: null }).where("id", "=", meeting.id).execute();
    expect(await matches("жаңартылған")).toEqual([{ kind: "meeting", ref_id: meeting.id }]);
    expect(await matches("кеңжолақты селекторлық")).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ kind: "meeting" })]),
    );

    const speaker = await db.selectFrom("speakers").select(["id", "person_id"]).orderBy("sort_order").executeTakeFirstOrThrow();
    await db.updateTable("people").set({ full_name: "А. Қайтаатаулы" }).where("id", "=", speaker.person_id).execute();
    expect(await matches("қайтаатаулы")).toEqual([{ kind: "speaker", ref_id: speaker.id }]);
    await db.updateTable("speakers").set({ summary: "Түзетілген баяндама" }).where("id", "=", speaker.id).execute();
    expect(await matches("түзетілген")).toEqual([{ kind: "speaker", ref_id: speaker.id }]);
    await db.deleteFrom("speakers").where("id", "=", speaker.id).execute();
    expect(await matches("түзетілген")).toEqual([]);

    const instruction = await db.selectFrom("instructions").select("id").where("number", "=", "1").executeTakeFirstOrThrow();
    await db.updateTable("instructions").set({ text: "Өзгертілген мәтін" }).where("id", "=", instruction.id).execute();
    expect(await matches("өзгертілген")).toEqual([{ kind: "instruction", ref_id: instruction.id }]);

    const assignment = await db.selectFrom("assignments").select("id").executeTakeFirstOrThrow();
    const event = await createAssignmentEvent(db, { assignment_id: assignment.id, kind: "comment", body: "Жаңа түсініктеме" });
    await createAssignmentEvent(db, { assignment_id: assignment.id, kind: "comment", body: "   " });
    expect(await matches("түсініктеме")).toEqual([{ kind: "event", ref_id: event.id }]);
    await integrityCheck();
  });
});
