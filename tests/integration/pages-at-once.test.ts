import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

/*
 * PAGES_AT_ONCE (server.js): pages are rendered a few at a time and the rest wait their turn. One turn here, so
 * anything that held a turn too long would stall every other page, and the test would time out.
 */

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ PAGES_AT_ONCE: "1" });
});
afterAll(() => server?.stop());

/** A GET whose body is left unread: the server's writes back up once the socket buffers are full. */
function startDownloadWithoutReading(url: string, cookie: string): Promise<{ status: number; destroy: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie } }, (response) => {
      response.pause();
      resolve({ status: response.statusCode ?? 0, destroy: () => request.destroy() });
    });
    request.on("error", reject);
  });
}

describe("pages rendered a few at a time", () => {
  it("give the turn back when the headers go out: a download the reader stalls does not hold up other pages", async () => {
    const assignment = await server.db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
      .select(["assignments.id", "assignments.version"])
      .where("organizations.code", "=", "north-kazakhstan")
      .where("meetings.status", "=", "published")
      .where("assignments.status", "in", ["assigned", "in_progress"])
      .executeTakeFirstOrThrow();
    const north = new Client(server);
    expect((await north.signIn("north-kazakhstan")).status).toBe(302);
    // 16 MB: more than loopback's socket buffers hold, so the server cannot finish sending it.
    const bytes = Buffer.alloc(16 * 1024 * 1024, 0x20);
    bytes.write("%PDF-1.7\n", 0, "latin1");
    const posted = await north.postMultipart(
      `/assignments/${assignment.id}`,
      { action: "post_progress", body: "Есеп қоса беріледі.", percent: "40", version: String(assignment.version), idempotencyKey: `pages-at-once-${Date.now()}` },
      [{ name: "files", filename: "esep.pdf", bytes, type: "application/pdf" }],
    );
    expect(posted.status).toBe(302);
    const file = await server.db.selectFrom("files").select("id").where("original_name", "=", "esep.pdf").executeTakeFirstOrThrow();

    const download = await startDownloadWithoutReading(`${server.url}/files/${file.id}`, north.cookieHeader());
    try {
      expect(download.status).toBe(200);
      // The only turn was the download's until its headers went out; this page gets it now.
      const page = await north.get("/assignments");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(`/assignments/${assignment.id}`);
    } finally {
      download.destroy();
    }
  }, 30_000);

  it("refuse a PAGES_AT_ONCE that is not a whole number of at least one, saying so", () => {
    const run = spawnSync(process.execPath, [path.resolve(import.meta.dirname, "../../server.js")], {
      env: { ...process.env, NODE_ENV: "production", PORT: "0", DATABASE_URL: server.databaseFile, PAGES_AT_ONCE: "0", LOG_REQUESTS: "false" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('PAGES_AT_ONCE must be a whole number, at least 1 (got "0")');
  });
});
