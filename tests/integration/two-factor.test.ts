import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ROUTE_ACCESS } from "../../app/domain/permissions";
import { TWO_FACTOR_REQUIRED_ROLES } from "../../app/domain/two-factor";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { MAX_CODE_FAILURES_PER_WINDOW } from "../../app/models/two-factor.server";
import { totp } from "../support/forms";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

/*
 * Two-factor sign-in over real HTTP, with enforcement on (TWO_FACTOR_REQUIRED=true). The test reads the
 * secret from the enrolment page as a person would, and computes codes with @oslojs/otp like their phone.
 * The server accepts one step of drift either way, so the current and the next step's codes are two
 * different valid codes: no waiting for the clock.
 */

const SESSION = "tapsyrma_session";
const CHALLENGE = "tapsyrma_2fa";
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ TWO_FACTOR_REQUIRED: "true" });
});
afterAll(() => server?.stop());


const decode = (html: string) => html.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

function secretOnPage(html: string): string {
  const match = html.match(/data-testid="two-factor-secret">([A-Z2-7 ]+)</);
  expect(match, "the page shows the key in text").not.toBeNull();
  return match![1].replace(/ /g, "");
}

function recoveryCodesOnPage(html: string): string[] {
  const list = html.match(/data-testid="recovery-codes">(.*?)<\/ol>/s);
  expect(list, "the page shows the recovery codes").not.toBeNull();
  return [...list![1].matchAll(/<li>([a-z0-9-]+)<\/li>/g)].map((m) => m[1]);
}

async function userId(login: string) {
  return (await server.db.selectFrom("users").select("id").where("login", "=", login).executeTakeFirstOrThrow()).id;
}

async function auditRows(action: string) {
  return server.db.selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("seq").execute();
}

/** Signs in with the password and enrols from the page; returns the secret and the recovery codes. */
async function enrol(login: string): Promise<{ client: Client; secret: string; codes: string[] }> {
  const client = new Client(server);
  expect((await client.signIn(login)).status).toBe(302);
  const page = await client.get("/account/two-factor");
  expect(page.status).toBe(200);
  const secret = secretOnPage(await page.text());
  const confirmed = await client.post("/account/two-factor", { intent: "enable", code: totp(secret) });
  expect(confirmed.status).toBe(200);
  const codes = recoveryCodesOnPage(await confirmed.text());
  return { client, secret, codes };
}

/** The password step; returns the client holding only the challenge cookie. */
async function passwordStep(login: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client(server);
  const response = await client.post("/login", { login, password: "tapsyrma-demo" }, { headers });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/login/two-factor");
  expect(client.hasCookie(CHALLENGE)).toBe(true);
  expect(client.hasCookie(SESSION)).toBe(false);
  return client;
}

describe("two-factor sign-in", () => {
  let controller: { secret: string; codes: string[] };
  /** The code the controller last signed in with, to replay. */
  let usedCode = "";

  // Wrong codes count toward the per-account throttle; each test starts clean, the throttle test counts its own.
  beforeEach(async () => {
    await server.db.deleteFrom("two_factor_failures").execute();
  });

  it("names admin and controller as the roles that must use it", () => {
    expect([...TWO_FACTOR_REQUIRED_ROLES].sort()).toEqual(["admin", "controller"]);
  });

  it("sends a controller without a second factor to enrolment from every page, and lets nothing else happen", async () => {
    const client = new Client(server);
    expect((await client.signIn("controller")).status).toBe(302);
    for (const path of ["/", "/instructions", "/review", "/meetings", "/account/calendar", "/discipline.csv"]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location"), path).toBe("/account/two-factor");
    }
    const write = await client.post("/account/calendar", { intent: "create" });
    expect(write.headers.get("location")).toBe("/account/two-factor");
    expect(await server.db.selectFrom("calendar_feeds").selectAll().where("user_id", "=", await userId("controller")).execute()).toEqual([]);

    const page = await client.get("/account/two-factor");
    expect(page.status).toBe(200);
    const html = decode(await page.text());
    expect(html).toContain(kk["twoFactor.required"]);
    expect(html).toContain(kk["twoFactor.enrol.step3"]);
    expect(html).toMatch(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    // Signing out still works before enrolment.
    expect((await client.post("/logout", {})).headers.get("location")).toBe("/login?signedOut=1");
  });

  it("enrols with a code from the app, shows ten recovery codes once, stores them hashed, and audits no secret", async () => {
    const client = new Client(server);
    await client.signIn("controller");
    const secret = secretOnPage(await (await client.get("/account/two-factor")).text());
    // The same pending secret on every visit until confirmed, so a reload does not break the app's setup.
    expect(secretOnPage(await (await client.get("/account/two-factor")).text())).toBe(secret);

    const wrong = await client.post("/account/two-factor", { intent: "enable", code: "000000" === totp(secret) ? "111111" : "000000" });
    expect(wrong.status).toBe(401);
    expect(decode(await wrong.text())).toContain(kk["twoFactor.error.invalid"]);

    const confirmed = await client.post("/account/two-factor", { intent: "enable", code: totp(secret) });
    expect(confirmed.status).toBe(200);
    const html = decode(await confirmed.text());
    expect(html).toContain(kk["twoFactor.codes.enabled"]);
    const codes = recoveryCodesOnPage(html);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    controller = { secret, codes };

    const id = await userId("controller");
    const credential = await server.db.selectFrom("two_factor_credentials").selectAll().where("user_id", "=", id).executeTakeFirstOrThrow();
    expect(credential.secret).toBe(secret);
    expect(credential.pending_secret).toBeNull();
    const stored = await server.db.selectFrom("two_factor_recovery_codes").select("code_hash").where("user_id", "=", id).execute();
    expect(stored.map((row) => row.code_hash).sort()).toEqual(codes.map((code) => createHash("sha256").update(code.replace("-", "")).digest("hex")).sort());

    const [audit] = await auditRows("two_factor.enable");
    expect(audit.entity_id).toBe(id);
    const logged = `${audit.before_json} ${audit.after_json}`;
    expect(logged).not.toContain(secret);
    for (const code of codes) expect(logged).not.toContain(code.replace("-", ""));

    // Now the dashboard opens, and the codes are never shown again.
    expect((await client.get("/")).status).toBe(200);
    const later = await (await client.get("/account/two-factor")).text();
    expect(later).not.toContain('data-testid="recovery-codes"');
    expect(later).not.toContain('data-testid="two-factor-secret"');
  });

  it("asks for the code after the password; the password alone opens no page at all", async () => {
    const client = await passwordStep("controller");
    const failures: string[] = [];
    for (const [pattern, access] of Object.entries(ROUTE_ACCESS)) {
      if (access === "public") continue;
      const url = pattern.replace(/:\w+/g, "00000000-0000-7000-8000-000000000000");
      const response = await client.get(url);
      await response.arrayBuffer();
      if (response.status !== 302 || !response.headers.get("location")?.startsWith("/login")) failures.push(`${url}: ${response.status}`);
    }
    expect(failures).toEqual([]);

    const page = await client.get("/login/two-factor");
    expect(page.status).toBe(200);
    expect(decode(await page.text())).toContain(kk["twoFactor.signIn.intro"]);

    usedCode = totp(controller.secret, 1);
    const signedIn = await client.post("/login/two-factor", { code: usedCode, redirectTo: "/" });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers.get("location")).toBe("/");
    expect(client.hasCookie(SESSION)).toBe(true);
    expect(client.hasCookie(CHALLENGE)).toBe(false);
    expect((await client.get("/")).status).toBe(200);
    // The challenge is spent: it cannot start a second session.
    expect(await server.db.selectFrom("two_factor_challenges").selectAll().where("user_id", "=", await userId("controller")).execute()).toEqual([]);
  });

  it("refuses a wrong code in the reader's language, and a code that was already used", async () => {
    const client = await passwordStep("controller", { "Accept-Language": "ru" });
    const wrong = await client.post("/login/two-factor", { code: "12345" }, { headers: { "Accept-Language": "ru" } });
    expect(wrong.status).toBe(401);
    expect(decode(await wrong.text())).toContain(ru["twoFactor.error.invalid"]);

    // The code of the step the previous test signed in with: right, but spent.
    const replayed = await client.post("/login/two-factor", { code: usedCode }, { headers: { "Accept-Language": "en" } });
    expect(replayed.status).toBe(401);
    expect(decode(await replayed.text())).toContain(en["twoFactor.error.reused"]);
    expect(client.hasCookie(SESSION)).toBe(false);
  });

  it("accepts a recovery code once, audited without the code", async () => {
    const [code] = controller.codes;
    const first = await passwordStep("controller");
    const used = await first.post("/login/two-factor", { code: code.toUpperCase().replace("-", " ") });
    expect(used.status).toBe(302);
    expect(first.hasCookie(SESSION)).toBe(true);
    const dashboard = decode(await (await first.get("/")).text());
    expect(dashboard).toContain(kk["twoFactor.flash.recoveryUsed"]);

    const again = await passwordStep("controller");
    const refused = await again.post("/login/two-factor", { code });
    expect(refused.status).toBe(401);
    expect(again.hasCookie(SESSION)).toBe(false);

    const [audit] = await auditRows("two_factor.recovery_code_use");
    expect(JSON.parse(audit.after_json!)).toMatchObject({ recovery_codes_left: 9 });
    expect(audit.after_json).not.toContain(code.replace("-", ""));
  });

  it("throttles the code step after too many wrong codes on one account, even with the right code", async () => {
    const { secret } = await enrol("secretariat");
    for (let attempt = 1; attempt <= MAX_CODE_FAILURES_PER_WINDOW; attempt++) {
      // Each attempt from a fresh password step: the limit is the account's, not the challenge's.
      const client = await passwordStep("secretariat");
      const response = await client.post("/login/two-factor", { code: String(100000 + attempt) });
      expect(response.status, `attempt ${attempt}`).toBe(401);
    }
    const client = await passwordStep("secretariat");
    const throttled = await client.post("/login/two-factor", { code: totp(secret, 1) }, { headers: { "Accept-Language": "en" } });
    expect(throttled.status).toBe(429);
    expect(decode(await throttled.text())).toContain(en["twoFactor.error.throttled"]);
    expect(client.hasCookie(SESSION)).toBe(false);
    const failures = await server.db.selectFrom("two_factor_failures").selectAll().where("user_id", "=", await userId("secretariat")).execute();
    expect(failures.length).toBe(MAX_CODE_FAILURES_PER_WINDOW);
  });

  it("lets an optional role switch it off with a code, but not a required one", async () => {
    const { client, secret } = await enrol("ministry");
    const off = await client.post("/account/two-factor", { intent: "disable", code: totp(secret, 1) });
    expect(off.status).toBe(302);
    expect(await server.db.selectFrom("two_factor_credentials").selectAll().where("user_id", "=", await userId("ministry")).execute()).toEqual([]);
    expect((await auditRows("two_factor.disable")).map((row) => row.entity_id)).toEqual([await userId("ministry")]);
    // Back to password-only sign-in.
    const again = new Client(server);
    expect((await again.signIn("ministry")).headers.get("location")).toBe("/");

    const controllerClient = await passwordStep("controller");
    expect((await controllerClient.post("/login/two-factor", { code: controller.codes[1] })).status).toBe(302);
    const refused = await controllerClient.post("/account/two-factor", { intent: "disable", code: totp(controller.secret, 1) });
    expect(refused.status).toBe(403);
    expect(decode(await refused.text())).toContain(kk["twoFactor.error.required"]);
    expect(await server.db.selectFrom("two_factor_credentials").select("secret").where("user_id", "=", await userId("controller")).executeTakeFirstOrThrow()).toEqual({ secret: controller.secret });
  });

  it("makes new recovery codes only with a current code, voiding the old ones", async () => {
    const { client, secret, codes: old } = await enrol("north-kazakhstan");
    const refused = await client.post("/account/two-factor", { intent: "regenerate", code: "999999" === totp(secret, 1) ? "888888" : "999999" });
    expect(refused.status).toBe(401);
    // A recovery code is not a current code from the app.
    expect((await client.post("/account/two-factor", { intent: "regenerate", code: old[0] })).status).toBe(401);
    const regenerated = await client.post("/account/two-factor", { intent: "regenerate", code: totp(secret, 1) });
    expect(regenerated.status).toBe(200);
    const html = decode(await regenerated.text());
    expect(html).toContain(kk["twoFactor.codes.regenerated"]);
    const codes = recoveryCodesOnPage(html);
    expect(codes).toHaveLength(10);
    expect(codes.filter((code) => old.includes(code))).toEqual([]);
    const stale = await passwordStep("north-kazakhstan");
    expect((await stale.post("/login/two-factor", { code: old[1] })).status).toBe(401);
    const fresh = await passwordStep("north-kazakhstan");
    expect((await fresh.post("/login/two-factor", { code: codes[0] })).status).toBe(302);
    expect((await auditRows("two_factor.recovery_codes_regenerate")).map((row) => row.entity_id)).toEqual([await userId("north-kazakhstan")]);
  });

  it("shows an expired code step as such and signs no one in", async () => {
    const client = await passwordStep("controller");
    await server.db.updateTable("two_factor_challenges").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).execute();
    const response = await client.post("/login/two-factor", { code: controller.codes[0] });
    expect(response.status).toBe(401);
    expect(decode(await response.text())).toContain(kk["twoFactor.signIn.expired"]);
    expect(client.hasCookie(SESSION)).toBe(false);
  });

  it("resets a lost phone from the command line, audited, and the controller must enrol again", async () => {
    const root = path.resolve(import.meta.dirname, "../..");
    // Asynchronously: a blocked test process would miss the server closing idle keep-alive sockets.
    const { stdout: output } = await promisify(execFile)(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "db/cli/reset-two-factor.ts", "--login", "controller", "--reason", "lost phone"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: server.databaseFile },
    });
    expect(output).toContain("reset");
    const [audit] = await auditRows("two_factor.reset");
    expect(audit.actor_user_id).toBeNull();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ enabled: false, reason: "lost phone" });

    const client = new Client(server);
    expect((await client.signIn("controller")).headers.get("location")).toBe("/");
    expect((await client.get("/")).headers.get("location")).toBe("/account/two-factor");
  });
});
