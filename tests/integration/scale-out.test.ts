import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { verifyAuditChain } from "../../app/models/audit.server";
import { MAX_FAILURES_PER_ACCOUNT } from "../../app/models/sign-in.server";
import { freshDatabase, type FreshDatabase } from "../support/database";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

/*
 * Several app servers on one database (issue "Scale out on PostgreSQL"): nothing that must be shared lives in a
 * process, so a session made on one server works on the other, failed sign-ins on both count together, and the
 * same stale form posted to both moves the assignment once. On PostgreSQL these are app servers that could be on
 * different machines; on SQLite, processes on one machine sharing the file (what WEB_CONCURRENCY starts), whose
 * transactions take the write lock as they begin so one waits for the other instead of failing.
 */
describe("two app servers on one database", () => {
  let database: FreshDatabase;
  let a: TestServer;
  let b: TestServer;

  beforeAll(async () => {
    database = await freshDatabase();
    // One file store for both, as docs/deploy.md requires; TRUST_PROXY so each test picks its own address.
    const env = { TRUST_PROXY: "loopback", FILES_DIR: `${database.dir}/files` };
    [a, b] = await Promise.all([startServer(env, { databaseUrl: database.url }), startServer(env, { databaseUrl: database.url })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await database?.drop();
  });

  it("runs as two processes", () => {
    expect(a.url).not.toBe(b.url);
  });

  it("accepts a session made on one server on the other, and ends it on both", async () => {
    const onA = new Client(a);
    expect((await onA.signIn("controller")).status).toBe(302);
    const onB = new Client(b);
    onB.setCookie("tapsyrma_session", onA.cookieHeader().match(/tapsyrma_session=([^;]+)/)![1]);
    const dashboard = await onB.get("/");
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain("Нұрлан Жақсыбеков");

    // Signing out on B ends the session A made.
    expect((await onB.post("/logout", {})).status).toBe(302);
    expect((await onA.get("/")).status).toBe(302);
  });

  it("counts failed sign-ins on both servers toward one throttle", async () => {
    const from = { forwardedFor: "10.9.0.1" };
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_ACCOUNT; attempt++) {
      const server = attempt % 2 ? a : b;
      const response = await new Client(server, from).post("/login", { login: "secretariat", password: `guess-${attempt}` });
      expect(response.status, `attempt ${attempt} on ${server === a ? "A" : "B"}`).toBe(401);
    }
    for (const server of [a, b]) {
      const throttled = await new Client(server, from).post("/login", { login: "secretariat", password: "tapsyrma-demo" }, { headers: { "Accept-Language": "en" } });
      expect(throttled.status).toBe(429);
      expect(await throttled.text()).toContain(en["login.error.throttled"]);
    }
  });

  it("takes one of two reports based on the same version, posted to the two servers at once", async () => {
    const assignment = await a.db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .selectAll("assignments")
      .where("organizations.code", "=", "north-kazakhstan")
      .where("instructions.number", "=", "2")
      .executeTakeFirstOrThrow();
    const onA = new Client(a, { forwardedFor: "10.9.0.2" });
    expect((await onA.signIn("north-kazakhstan")).status).toBe(302);
    const onB = new Client(b, { forwardedFor: "10.9.0.2" });
    expect((await onB.signIn("north-kazakhstan")).status).toBe(302);

    const report = (server: string) => ({
      action: "post_progress",
      body: `Есеп ${server} серверінен`,
      percent: "60",
      version: String(assignment.version),
      idempotencyKey: `scale-out-${server}-${Date.now()}`,
    });
    const responses = await Promise.all([
      onA.postMultipart(`/assignments/${assignment.id}`, report("A")),
      onB.postMultipart(`/assignments/${assignment.id}`, report("B")),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([302, 409]);

    const events = await b.db.selectFrom("assignment_events").select("body").where("assignment_id", "=", assignment.id).where("body", "like", "Есеп % серверінен").execute();
    expect(events).toHaveLength(1);
    const after = await b.db.selectFrom("assignments").select("version").where("id", "=", assignment.id).executeTakeFirstOrThrow();
    expect(after.version).toBe(assignment.version + 1);
  });

  it("keeps one unbroken audit chain while both servers write at once", async () => {
    const logins = ["akmola", "ministry", "north-kazakhstan"];
    const writes = await Promise.all(
      logins.map(async (login, index) => {
        const assignment = await a.db
          .selectFrom("assignments")
          .innerJoin("users", "users.organization_id", "assignments.organization_id")
          .selectAll("assignments")
          .where("users.login", "=", login)
          .where("assignments.status", "in", ["assigned", "in_progress"])
          .orderBy("assignments.id")
          .executeTakeFirstOrThrow();
        const server = index % 2 ? b : a;
        const client = new Client(server, { forwardedFor: `10.9.1.${index}` });
        expect((await client.signIn(login)).status).toBe(302);
        return { client, assignment };
      }),
    );
    const before = await verifyAuditChain(a.db);
    const responses = await Promise.all(
      writes.flatMap(({ client, assignment }) => [
        client.postMultipart(`/assignments/${assignment.id}`, {
          action: "post_progress",
          body: "Бір мезгілде жазылған есеп",
          percent: "70",
          version: String(assignment.version),
          idempotencyKey: `chain-${assignment.id}-${Date.now()}`,
        }),
      ]),
    );
    expect(responses.map((r) => r.status)).toEqual([302, 302, 302]);
    const after = await verifyAuditChain(b.db);
    expect(after.ok).toBe(true);
    expect(after.rows).toBe(before.rows + 3);
  });
});
