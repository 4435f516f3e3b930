import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kk } from "../../app/i18n/kk";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * The deadline calendar feed over real HTTP: a user makes a secret link on /account/calendar, and a
 * calendar client (no cookies) fetches it. Replacing or revoking the link, or deactivating the user,
 * stops the old address at once.
 */

let server: TestServer;
let akmola: Client;

const FEED_URL = /(http:\/\/[^"<\s]+\/calendar\/([A-Za-z0-9_-]{43})\.ics)/;

async function signedIn(login: string): Promise<Client> {
  const client = new Client(server);
  expect((await client.signIn(login)).status).toBe(302);
  return client;
}

async function userId(login: string): Promise<string> {
  return (await server.db.selectFrom("users").select("id").where("login", "=", login).executeTakeFirstOrThrow()).id;
}

async function assignment(organizationCode: string, number: string) {
  return server.db
    .selectFrom("assignments")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .select(["assignments.id", "assignments.deadline", "assignments.status", "instructions.text"])
    .where("organizations.code", "=", organizationCode)
    .where("instructions.number", "=", number)
    .executeTakeFirstOrThrow();
}

/** Creates a link as the page does and returns the address the page shows. */
async function createLink(client: Client): Promise<{ url: string; secret: string; html: string }> {
  const response = await client.post("/account/calendar", { intent: "create" });
  expect(response.status).toBe(200);
  const html = await response.text();
  const match = html.match(FEED_URL);
  expect(match, "the page shows the new link").not.toBeNull();
  return { url: match![1], secret: match![2], html };
}

/** A calendar client: a plain GET with no cookie. */
async function fetchFeed(url: string): Promise<Response> {
  return fetch(url, { redirect: "manual" });
}

interface Component {
  name: string;
  properties: { name: string; value: string }[];
  children: Component[];
}

const unescapeText = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));

/** A strict reader: unfolds, then requires every BEGIN to meet its END, and returns the VCALENDAR. */
function parseCalendar(text: string): Component[] {
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  expect(lines.pop()).toBe("");
  const roots: Component[] = [];
  const stack: Component[] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    expect(colon, `a content line: ${line}`).toBeGreaterThan(0);
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name === "BEGIN") {
      const component: Component = { name: value, properties: [], children: [] };
      (stack.at(-1)?.children ?? roots).push(component);
      stack.push(component);
    } else if (name === "END") {
      expect(stack.pop()?.name, `END:${value} closes its BEGIN`).toBe(value);
    } else {
      expect(stack.length, `${name} is inside a component`).toBeGreaterThan(0);
      stack.at(-1)!.properties.push({ name, value });
    }
  }
  expect(stack).toEqual([]);
  return roots;
}

const prop = (component: Component, name: string) => component.properties.find((p) => p.name === name)?.value;

function events(text: string): Component[] {
  const roots = parseCalendar(text);
  expect(roots.map((root) => root.name)).toEqual(["VCALENDAR"]);
  return roots[0].children.filter((child) => child.name === "VEVENT");
}

beforeAll(async () => {
  server = await startServer();
  akmola = await signedIn("akmola");
});
afterAll(() => server?.stop());

describe("the calendar page", () => {
  it("sends a signed-out visitor to sign in", async () => {
    const response = await new Client(server).get("/account/calendar");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/login/);
  });

  it("explains the feed in the user's language and offers to create a link", async () => {
    const response = await akmola.get("/account/calendar");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(kk["calendar.title"]);
    expect(html).toContain(kk["calendar.status.none"]);
    expect(html).toContain(kk["calendar.create"]);
    expect(html).toContain('href="/account/calendar"');
  });

  it("refuses a post without an Origin, and nothing changes", async () => {
    const before = await snapshotDatabase(server.db);
    const response = await akmola.post("/account/calendar", { intent: "create" }, { origin: null });
    expect(response.status).toBe(403);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("refuses an unknown intent", async () => {
    const before = await snapshotDatabase(server.db);
    const response = await akmola.post("/account/calendar", { intent: "delete-everything" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(kk["validation.unknown"]);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });
});

describe("a feed", () => {
  let first: { url: string; secret: string };

  it("is shown once, with the request's origin, and stored only as a hash, with an audit record", async () => {
    const created = await createLink(akmola);
    first = created;
    expect(created.url).toBe(`${server.origin}/calendar/${created.secret}.ics`);
    expect(created.html).toContain(kk["calendar.newLink.once"]);

    const page = await (await akmola.get("/account/calendar")).text();
    expect(page).not.toContain(created.secret);
    expect(page).toContain(kk["calendar.replace"]);
    expect(page).toContain(kk["calendar.status.neverUsed"]);

    const rows = await server.db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", await userId("akmola")).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(createHash("sha256").update(created.secret).digest("hex"));
    expect(rows[0].revoked_at).toBeNull();
    expect(JSON.stringify(await snapshotDatabase(server.db))).not.toContain(created.secret);

    const audit = await server.db.selectFrom("audit_log").selectAll().where("entity_id", "=", rows[0].id).execute();
    expect(audit.map((row) => row.action)).toEqual(["calendar_feed.create"]);
    expect(audit[0].after_json).not.toContain(rows[0].token_hash);
  });

  it("serves Akmola's own open deadlines as all-day events, without a cookie", async () => {
    const response = await fetchFeed(first.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const text = await response.text();

    // RFC 5545: CRLF everywhere, no physical line longer than 75 octets.
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);

    const own = await assignment("akmola", "2");
    const list = events(text);
    const event = list.find((e) => prop(e, "UID") === `${own.id}@tapsyrma`);
    expect(event, "Akmola's 14/2 is in the feed").toBeDefined();
    expect(prop(event!, "DTSTART;VALUE=DATE")).toBe(own.deadline!.replaceAll("-", ""));
    expect(prop(event!, "DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(unescapeText(prop(event!, "SUMMARY")!)).toMatch(/^14\/2 Ақмола облысы: Антенналық-мачталық/);
    const description = unescapeText(prop(event!, "DESCRIPTION")!);
    expect(description).toContain(own.text);
    expect(description).toContain(`${kk["table.status"]}: ${kk["status.assigned"]}`);
    expect(description).toContain(`${server.origin}/assignments/${own.id}`);
    expect(prop(event!, "URL")).toBe(`${server.origin}/assignments/${own.id}`);
    const alarm = event!.children.find((child) => child.name === "VALARM");
    expect(alarm && prop(alarm, "TRIGGER;RELATED=START")).toBe("-PT15H");

    // Only Akmola's assignments: none of North Kazakhstan's, none of the ministry's.
    const akmolaOrganization = await server.db.selectFrom("organizations").select("id").where("code", "=", "akmola").executeTakeFirstOrThrow();
    const ownIds = await server.db.selectFrom("assignments").select("id").where("organization_id", "=", akmolaOrganization.id).execute();
    expect(list.map((e) => prop(e, "UID")).sort()).toEqual(ownIds.map((row) => `${row.id}@tapsyrma`).sort());
    expect(text).not.toContain((await assignment("north-kazakhstan", "2")).id);
    expect(text).not.toContain((await assignment("mdai", "1")).id);

    const feed = await server.db.selectFrom("calendar_feeds").select("last_used_at").where("token_hash", "=", createHash("sha256").update(first.secret).digest("hex")).executeTakeFirstOrThrow();
    expect(feed.last_used_at).not.toBeNull();
  });

  it("stops the old address when the link is replaced", async () => {
    const second = await createLink(akmola);
    expect(second.secret).not.toBe(first.secret);
    const old = await fetchFeed(first.url);
    expect(old.status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);

    const rows = await server.db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", await userId("akmola")).execute();
    expect(rows.filter((row) => row.revoked_at === null)).toHaveLength(1);
    const revokeAudit = await server.db.selectFrom("audit_log").select("after_json").where("action", "=", "calendar_feed.revoke").execute();
    expect(revokeAudit.map((row) => JSON.parse(row.after_json!).reason)).toEqual(["replaced"]);
    first = second;
  });

  it("stops the address when the link is revoked", async () => {
    const response = await akmola.post("/account/calendar", { intent: "revoke" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/account/calendar");
    expect((await fetchFeed(first.url)).status).toBe(404);
    const page = await (await akmola.get("/account/calendar")).text();
    expect(page).toContain(kk["calendar.flash.revoked"]);
    expect(page).toContain(kk["calendar.status.none"]);
    expect(page).toContain(kk["calendar.history.title"]);
  });

  it("answers an unknown secret exactly as a revoked one: 404, nothing more", async () => {
    const revoked = await fetchFeed(first.url);
    const random = await fetchFeed(`${server.origin}/calendar/${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url")}.ics`);
    const junk = await fetchFeed(`${server.origin}/calendar/not-a-secret.ics`);
    const bodies = await Promise.all([revoked, random, junk].map((r) => r.text()));
    expect([revoked.status, random.status, junk.status]).toEqual([404, 404, 404]);
    expect(new Set(bodies).size).toBe(1);
    expect(random.headers.get("content-type")).toBe(revoked.headers.get("content-type"));
  });
});

describe("whose deadlines", () => {
  it("gives the control department every organization's open deadlines, in the user's profile language", async () => {
    const controller = await signedIn("controller");
    await server.db.updateTable("users").set({ language: "en" }).where("login", "=", "controller").execute();
    const { url } = await createLink(controller);
    const text = await (await fetchFeed(url)).text();
    const uids = events(text).map((e) => prop(e, "UID"));
    expect(uids).toContain(`${(await assignment("akmola", "2")).id}@tapsyrma`);
    expect(uids).toContain(`${(await assignment("north-kazakhstan", "2")).id}@tapsyrma`);
    expect(uids).toContain(`${(await assignment("mdai", "1")).id}@tapsyrma`);
    // Closed assignments are not deadlines any more.
    const pavlodar = await assignment("pavlodar", "2");
    expect(pavlodar.status).toBe("done");
    expect(uids).not.toContain(`${pavlodar.id}@tapsyrma`);
    expect(text).toContain("SUMMARY:14/2 Akmola Region: ");
    expect(text).toContain("X-WR-CALNAME:Tapsyrma: deadlines");
  });

  it("stops serving a deactivated user's feed", async () => {
    const northKazakhstan = await signedIn("north-kazakhstan");
    const { url } = await createLink(northKazakhstan);
    expect((await fetchFeed(url)).status).toBe(200);
    await server.db.updateTable("users").set({ is_active: 0 }).where("login", "=", "north-kazakhstan").execute();
    expect((await fetchFeed(url)).status).toBe(404);
  });
});
