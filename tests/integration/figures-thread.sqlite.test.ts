import { performance } from "node:perf_hooks";
import { Kysely, SqliteDialect } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedLargeData } from "../../db/seeds/large";
import type { Database } from "../../app/utils/db-schema";
import { openSqlite } from "../../app/utils/db.server";
import { createAssignmentEvent } from "../factories";
import { Client } from "../support/http";
import { freshDatabaseFile, startServer, type TestServer } from "../support/server";

/*
 * On SQLite the controller's national figures are computed on the figures thread (decision 021), so the pages of
 * everyone else are served while they are. A fifth of the national-size set makes the computation long enough to
 * see: computed on the request thread, no other page could be answered until it ended.
 * *.sqlite.test.ts: PostgreSQL answers over the network and has no figures thread.
 */

let server: TestServer;

beforeAll(async () => {
  const file = freshDatabaseFile();
  const connection = openSqlite(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  const seeded = await seedLargeData(connection, db, { scale: 0.2, log: () => {} });
  await db.destroy();
  expect(seeded.ok).toBe(true);
  server = await startServer({}, { databaseUrl: file });
}, 180_000);
afterAll(() => server?.stop());

describe("the controller's figures at national size", () => {
  it("are computed off the request thread: other pages are answered meanwhile, and the figures are right", async () => {
    const controller = new Client(server);
    expect((await controller.signIn("controller")).status).toBe(302);
    expect((await controller.get("/")).status).toBe(200);

    // A write: the figures must be computed afresh on the next visit.
    const assignment = await server.db.selectFrom("assignments").select("id").where("status", "=", "in_progress").executeTakeFirstOrThrow();
    await createAssignmentEvent(server.db, { assignment_id: assignment.id, body: "Бақылау бөлімінің ескертпесі." });

    let dashboardDone = false;
    const started = performance.now();
    const dashboard = controller.get("/").then(async (response) => {
      const html = await response.text();
      dashboardDone = true;
      return { status: response.status, html, milliseconds: performance.now() - started };
    });
    // Light pages, one after another, for as long as the dashboard is being made.
    let answeredMeanwhile = 0;
    while (!dashboardDone) {
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      await response.arrayBuffer();
      if (!dashboardDone) answeredMeanwhile += 1;
    }
    const { status, html, milliseconds } = await dashboard;
    console.log(`dashboard recomputed in ${milliseconds.toFixed(0)} ms; ${answeredMeanwhile} other requests answered meanwhile`);
    expect(status).toBe(200);
    expect(answeredMeanwhile).toBeGreaterThanOrEqual(5);

    // The figures the thread computed are those of the database: the open assignments, counted here.
    const open = await server.db
      .selectFrom("assignments")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
      .where("meetings.status", "=", "published")
      .where("assignments.status", "in", ["assigned", "in_progress", "reported"])
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const shown = html.match(/href="\/instructions\?open=1"[^>]*>[^<]*<\/a><\/dt><dd[^>]*>([^<]+)</)![1];
    expect(Number(shown.replace(/\D/g, ""))).toBe(Number(open.n));
    expect(Number(open.n)).toBeGreaterThan(1000);

    // The register's counts come from the thread too, after the write: every published assignment, for the controller.
    const all = await server.db
      .selectFrom("assignments")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
      .where("meetings.status", "=", "published")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const register = await (await controller.get("/instructions")).text();
    const total = register.match(/Барлығы: ([^·<]+)/)![1];
    expect(Number(total.replace(/\D/g, ""))).toBe(Number(all.n));
  }, 60_000);
});
