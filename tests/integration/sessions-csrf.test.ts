import { createHash } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, ROUTE_ACCESS, can, type Role } from "../../app/domain/permissions";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * Sessions and cross-site requests as an attacker tries them (auth.test.ts covers expiry, sign-out and
 * deactivation): a session planted before sign-in, and a forged or Origin-less POST to every route with an action,
 * sent as a user who may use that route, against real objects. Each is refused with 403 and nothing changes.
 */

const COOKIE = "tapsyrma_session";
const DEMO_LOGIN: Record<Role, string> = { admin: "admin", secretariat: "secretariat", controller: "controller", assignee: "akmola" };
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  module: { action?: unknown };
}

let server: TestServer;
const clients = new Map<Role, Client>();

beforeAll(async () => {
  server = await startServer();
  for (const role of ROLES) {
    const client = new Client(server);
    expect((await client.signIn(DEMO_LOGIN[role])).status).toBe(302);
    clients.set(role, client);
  }
});
afterAll(() => server?.stop());

describe("session fixation", () => {
  it("never adopts a session token chosen before sign-in", async () => {
    const planted = "attacker-chosen-token-0123456789abcdef";
    const victim = new Client(server);
    victim.setCookie(COOKIE, planted);
    expect((await victim.signIn("controller")).status).toBe(302);
    const issued = victim.cookieHeader().match(new RegExp(`${COOKIE}=([^;]+)`))![1];
    expect(issued).not.toBe(planted);
    expect(await server.db.selectFrom("sessions").select("id").where("id", "=", hash(planted)).executeTakeFirst()).toBeUndefined();
    const attacker = new Client(server);
    attacker.setCookie(COOKIE, planted);
    expect((await attacker.get("/")).headers.get("location")).toContain("/login");
  });

  it("ends a session planted from the attacker's own account when the victim signs in over it", async () => {
    const attacker = new Client(server);
    expect((await attacker.signIn("north-kazakhstan")).status).toBe(302);
    const attackerToken = attacker.cookieHeader().split("=")[1];
    const victim = new Client(server);
    victim.setCookie(COOKIE, attackerToken);
    expect((await victim.signIn("controller")).status).toBe(302);
    const victimToken = victim.cookieHeader().split("=")[1];
    expect(victimToken).not.toBe(attackerToken);
    // Sign-in ends the session the browser came with, so the attacker cannot ride on, or watch, the victim's.
    expect(await server.db.selectFrom("sessions").select("id").where("id", "=", hash(attackerToken)).executeTakeFirst()).toBeUndefined();
    expect((await attacker.get("/review")).headers.get("location")).toContain("/login");
    const stored = await server.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select("users.login")
      .where("sessions.id", "=", hash(victimToken))
      .executeTakeFirstOrThrow();
    expect(stored.login).toBe("controller");
  });
});

describe("cross-site requests to every route with an action", () => {
  /** Real objects for the route parameters, so a request that got through would change something. */
  async function parameterValues(): Promise<Record<string, string>> {
    const first = async (table: "meetings" | "speakers" | "instructions" | "assignments" | "organizations" | "people" | "files" | "notifications") =>
      (await server.db.selectFrom(table).select("id").orderBy("id").executeTakeFirst())?.id ?? "00000000-0000-7000-8000-000000000000";
    const akmola = await server.db.selectFrom("users").select("organization_id").where("login", "=", "akmola").executeTakeFirstOrThrow();
    const assignment = await server.db.selectFrom("assignments").select("id").where("organization_id", "=", akmola.organization_id).executeTakeFirstOrThrow();
    const user = await server.db.selectFrom("users").select("id").where("login", "=", "akmola").executeTakeFirstOrThrow();
    const notification = await server.db.selectFrom("notifications").select("id").where("user_id", "=", user.id).executeTakeFirst();
    return {
      meetingId: await first("meetings"),
      speakerId: await first("speakers"),
      instructionId: await first("instructions"),
      assignmentId: assignment.id,
      organizationId: await first("organizations"),
      personId: await first("people"),
      fileId: await first("files"),
      notificationId: notification?.id ?? (await first("notifications")),
      secret: "no-such-feed",
    };
  }

  /** A role the permission table lets use the route, so the Origin check is all that stands in the way. */
  function allowedRole(access: string): Role {
    if (access === "public" || access === "signed_in") return "admin";
    return ROLES.find((role) => can({ role }, access as Parameters<typeof can>[1]))!;
  }

  for (const [label, origin] of [
    ["a foreign", "https://evil.example"],
    ["a look-alike", "http://127.0.0.1.evil.example"],
    ["no", null],
  ] as const) {
    it(`refuses a POST with ${label} Origin on every route with an action, changing nothing`, async () => {
      const build = await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/server/index.js")).href);
      const all = build.routes as Record<string, ManifestRoute>;
      const values = await parameterValues();
      const patternOf = (route: ManifestRoute) => {
        const parts: string[] = [];
        for (let current: ManifestRoute | undefined = route; current; current = current.parentId ? all[current.parentId] : undefined) if (current.path) parts.unshift(current.path);
        return `/${parts.join("/")}`;
      };
      const withActions = Object.values(all).filter((route) => route.id !== "root" && route.module.action);
      expect(withActions.length).toBeGreaterThan(10);
      const before = await snapshotDatabase(server.db);
      const failures: string[] = [];
      for (const route of withActions) {
        const pattern = patternOf(route);
        const url = pattern.replace(/:(\w+)\??/g, (_, name: string) => values[name]).replace("*", "no-such-page");
        const client = clients.get(allowedRole(ROUTE_ACCESS[pattern as keyof typeof ROUTE_ACCESS]))!;
        // A plausible form: the fields most actions read, so only the Origin check can stop it.
        const response = await client.post(url, { intent: "delete", action: "post_progress", body: "Жалған сұрау", language: "en", redirectTo: "/", version: "1", idempotencyKey: `forged-${Date.now()}` }, { origin });
        const text = await response.text();
        if (response.status !== 403 || !text.includes("Request refused")) failures.push(`POST ${url}: ${response.status}`);
      }
      expect(failures).toEqual([]);
      expect(await snapshotDatabase(server.db)).toEqual(before);
      // The sessions used are still good: the refusals signed no one out.
      expect((await clients.get("admin")!.get("/")).status).toBe(200);
    });
  }
});
