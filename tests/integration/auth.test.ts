import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from "../../app/models/sign-in.server";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

const COOKIE = "tapsyrma_session";
let server: TestServer;
let address = 0;
/** Each client comes from its own address (through the trusted proxy), so throttling tests stay apart. */
const client = (headers: Record<string, string> = {}) =>
  new Client(server, { forwardedFor: `10.0.${Math.floor(++address / 250)}.${address % 250}`, ...headers });

async function sessionRows() {
  return server.db.selectFrom("sessions").selectAll().execute();
}

async function signedIn(login: string) {
  const c = client();
  const response = await c.signIn(login);
  expect(response.status).toBe(302);
  return c;
}

beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: "loopback" });
});
afterAll(() => server?.stop());

describe("sign-in", () => {
  it("signs in with the right password, sets a safe cookie, and stores only the token's hash", async () => {
    const c = client();
    const response = await c.signIn("controller");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.getSetCookie().find((h) => h.startsWith(`${COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    const token = cookie.split(";")[0].split("=")[1];
    const stored = (await sessionRows()).map((row) => row.id);
    expect(stored).toContain(createHash("sha256").update(token).digest("hex"));
    expect(stored).not.toContain(token);

    const dashboard = await c.get("/");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Нұрлан Жақсыбеков");
  });

  it("refuses a wrong password with a message in the reader's language and no session", async () => {
    const before = (await sessionRows()).length;
    const c = client();
    const response = await c.post("/login", { login: "akmola", password: "wrong" }, { headers: { "Accept-Language": "ru" } });
    expect(response.status).toBe(401);
    expect(await response.text()).toContain(ru["login.error.invalid"]);
    expect(c.hasCookie(COOKIE)).toBe(false);
    expect((await sessionRows()).length).toBe(before);
  });

  it("names the missing field in Kazakh by default", async () => {
    const response = await client().post("/login", { login: "", password: "" });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(kk["login.error.loginRequired"]);
    expect(html).toContain(kk["login.error.passwordRequired"]);
  });

  it("refuses the 11th failed attempt on one account within a minute with 429, whatever the address", async () => {
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
      const response = await client().post("/login", { login: "ministry", password: `guess-${attempt}` });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const throttled = await client().post("/login", { login: "ministry", password: "tapsyrma-demo" }, { headers: { "Accept-Language": "en" } });
    expect(throttled.status).toBe(429);
    expect(await throttled.text()).toContain(en["login.error.throttled"]);
    // Another account is not affected.
    expect((await client().signIn("north-kazakhstan")).status).toBe(302);
  });

  it("refuses the 51st failed attempt from one address within a minute, whatever the account, but not a colleague's first", async () => {
    const officeProxy = { forwardedFor: "10.77.0.1" };
    const attacker = new Client(server, officeProxy);
    // Ten typos by people behind one office proxy lock nobody else out.
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
      expect((await attacker.post("/login", { login: `typo-${attempt}`, password: "x" })).status).toBe(401);
    }
    expect((await new Client(server, officeProxy).signIn("admin")).status).toBe(302);
    for (let attempt = MAX_FAILURES_PER_ACCOUNT + 1; attempt <= MAX_FAILURES_PER_ADDRESS; attempt++) {
      expect((await attacker.post("/login", { login: `nobody-${attempt}`, password: "x" })).status).toBe(401);
    }
    expect((await attacker.signIn("secretariat")).status).toBe(429);
    expect((await client().signIn("secretariat")).status).toBe(302);
  });

  it("starts a new session on every sign-in, so a planted cookie is worth nothing afterwards", async () => {
    const c = await signedIn("akmola");
    const planted = c.cookieHeader();
    const response = await c.signIn("north-kazakhstan");
    expect(response.status).toBe(302);
    expect(c.cookieHeader()).not.toBe(planted);
    const replay = new Client(server);
    replay.setCookie(COOKIE, planted.split("=")[1]);
    const stale = await replay.get("/");
    expect(stale.status).toBe(302);
    expect(stale.headers.get("location")).toContain("/login");
  });

  it("sets a Secure __Host- cookie when served over HTTPS", async () => {
    const response = await client().post("/login", { login: "admin", password: "tapsyrma-demo" }, { headers: { "X-Forwarded-Proto": "https" }, origin: server.origin.replace("http:", "https:") });
    expect(response.status).toBe(302);
    const cookie = response.headers.getSetCookie().find((h) => h.startsWith("__Host-tapsyrma_session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/Secure/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });
});

describe("the Origin check", () => {
  for (const [label, origin] of [
    ["missing", null],
    ["foreign", "https://evil.example"],
  ] as const) {
    it(`refuses a state-changing request with a ${label} Origin and changes nothing`, async () => {
      const c = await signedIn("controller");
      const before = await snapshotDatabase(server.db);
      for (const [path, form] of [
        ["/login", { login: "admin", password: "tapsyrma-demo" }],
        ["/logout", {}],
        ["/language", { language: "en", redirectTo: "/" }],
      ] as const) {
        const response = await c.post(path, form, { origin });
        expect(response.status, path).toBe(403);
      }
      expect(await snapshotDatabase(server.db)).toEqual(before);
      expect((await c.get("/")).status).toBe(200);
    });
  }
});

describe("session lifetime", () => {
  async function sessionOf(c: Client) {
    const token = c.cookieHeader().split("=")[1];
    return createHash("sha256").update(token).digest("hex");
  }

  it("ends a session idle for 30 minutes", async () => {
    const c = await signedIn("secretariat");
    const id = await sessionOf(c);
    await server.db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("id", "=", id).execute();
    const response = await c.get("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?expired=1");
    expect(await server.db.selectFrom("sessions").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
  });

  it("slides the idle deadline while the user is active", async () => {
    const c = await signedIn("secretariat");
    const id = await sessionOf(c);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await server.db
      .updateTable("sessions")
      .set({ last_seen_at: tenMinutesAgo, expires_at: new Date(Date.now() + 20 * 60_000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect((await c.get("/")).status).toBe(200);
    const row = await server.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(29 * 60_000);
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const c = await signedIn("controller");
    const id = await sessionOf(c);
    const row = await server.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(Date.parse(row.absolute_expires_at) - Date.parse(row.created_at)).toBe(12 * 3600_000);
    await server.db.updateTable("sessions").set({ absolute_expires_at: new Date(Date.now() - 1000).toISOString() }).where("id", "=", id).execute();
    const response = await c.get("/");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/login");
  });

  it("ends the session on the server at sign-out", async () => {
    const c = await signedIn("admin");
    const id = await sessionOf(c);
    const token = c.cookieHeader().split("=")[1];
    const response = await c.post("/logout", {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?signedOut=1");
    expect(await server.db.selectFrom("sessions").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
    const replay = new Client(server);
    replay.setCookie(COOKIE, token);
    expect((await replay.get("/")).headers.get("location")).toContain("/login");
  });

  it("ends a deactivated user's session on the next request", async () => {
    const c = await signedIn("akmola");
    await server.db.updateTable("users").set({ is_active: 0 }).where("login", "=", "akmola").execute();
    try {
      const response = await c.get("/");
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain("/login");
      expect((await client().signIn("akmola")).status).toBe(401);
    } finally {
      await server.db.updateTable("users").set({ is_active: 1 }).where("login", "=", "akmola").execute();
    }
  });
});

describe("language", () => {
  it("follows Accept-Language on a first visit, else Kazakh", async () => {
    expect(await (await client().get("/login", { "Accept-Language": "ru-RU,ru;q=0.9" })).text()).toContain(ru["login.title"]);
    expect(await (await client().get("/login", { "Accept-Language": "en-US" })).text()).toContain(en["login.title"]);
    const html = await (await client().get("/login", { "Accept-Language": "de" })).text();
    expect(html).toContain(kk["login.title"]);
    expect(html).toContain('<html lang="kk"');
  });

  it("remembers a switch in a cookie and in the user's profile", async () => {
    const c = await signedIn("north-kazakhstan");
    const response = await c.post("/language", { language: "en", redirectTo: "/" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const user = await server.db.selectFrom("users").select("language").where("login", "=", "north-kazakhstan").executeTakeFirstOrThrow();
    expect(user.language).toBe("en");
    expect(await (await c.get("/")).text()).toContain(en["dashboard.assignee.title"]);
    // The profile wins over the browser on the next device.
    const elsewhere = client();
    await elsewhere.signIn("north-kazakhstan");
    expect(await (await elsewhere.get("/", { "Accept-Language": "ru" })).text()).toContain(en["dashboard.assignee.title"]);
    await server.db.updateTable("users").set({ language: "kk" }).where("login", "=", "north-kazakhstan").execute();
  });

  it("never redirects a language switch to another site", async () => {
    const response = await client().post("/language", { language: "ru", redirectTo: "//evil.example/" });
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("operations", () => {
  it("answers /healthz with ok while the database answers", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("shows 404 in the reader's language inside the shell", async () => {
    const c = await signedIn("controller");
    await c.post("/language", { language: "ru", redirectTo: "/" });
    const response = await c.get("/no-such-page");
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain(ru["error.notFound.title"]);
    expect(html).toContain(ru["nav.signOut"]);
    await server.db.updateTable("users").set({ language: "kk" }).where("login", "=", "controller").execute();
  });

  it("keeps failures in the database, not in memory", async () => {
    const rows = await server.db.selectFrom("sign_in_failures").select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBeGreaterThan(0);
  });
});
