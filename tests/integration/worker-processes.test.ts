import { execFileSync } from "node:child_process";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/models/audit.server";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

/*
 * WEB_CONCURRENCY=2: one server, two worker processes sharing its port (server.js), so pages are served on every
 * core. The primary prepares the database once and replaces a worker that dies.
 */

let server: TestServer;
let primaryPid: number;

/** The server's worker processes, as the operating system lists them. */
function workerPids(): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(primaryPid)], { encoding: "utf8" })
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return [];
  }
}

function statusOnNewConnection(url: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode);
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  server = await startServer({ WEB_CONCURRENCY: "2" });
  primaryPid = server.pid;
});
afterAll(() => server?.stop());

describe("a server with two worker processes", () => {
  it("says so when it starts, and runs two processes under one", () => {
    expect(server.output()).toContain("Worker processes: 2");
    expect(primaryPid).toBeGreaterThan(0);
    expect(workerPids()).toHaveLength(2);
  });

  it("keeps a session, whichever process answers", async () => {
    const client = new Client(server);
    expect((await client.signIn("controller")).status).toBe(302);
    // Connections are handed to the workers in turn: twenty fresh ones reach both.
    for (let request = 0; request < 20; request++) {
      const response = await fetch(`${server.url}/`, { headers: { Cookie: client.cookieHeader(), Connection: "close" } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Нұрлан Жақсыбеков");
    }
  });

  it("takes concurrent reports on both processes into one unbroken audit chain", async () => {
    const writers = await Promise.all(
      ["akmola", "ministry", "north-kazakhstan"].map(async (login) => {
        const assignment = await server.db
          .selectFrom("assignments")
          .innerJoin("users", "users.organization_id", "assignments.organization_id")
          .select(["assignments.id", "assignments.version"])
          .where("users.login", "=", login)
          .where("assignments.status", "in", ["assigned", "in_progress"])
          .orderBy("assignments.id")
          .executeTakeFirstOrThrow();
        const client = new Client(server);
        expect((await client.signIn(login)).status).toBe(302);
        return { client, assignment };
      }),
    );
    const statuses = await Promise.all(
      writers.map(async ({ client, assignment }) => {
        const answered: number[] = [];
        for (let report = 0; report < 8; report++) {
          const response = await client.post(`/assignments/${assignment.id}`, {
            action: "post_progress",
            version: String(assignment.version + report),
            idempotencyKey: `workers-${assignment.id}-${report}`,
            body: `Екі процесс, есеп ${report + 1}`,
          });
          await response.arrayBuffer();
          answered.push(response.status);
        }
        return answered;
      }),
    );
    expect(statuses.flat()).toEqual(Array(24).fill(302));
    const stored = await server.db.selectFrom("assignment_events").select("id").where("body", "like", "Екі процесс, есеп %").execute();
    expect(stored).toHaveLength(24);
    expect((await verifyAuditChain(server.db)).ok).toBe(true);
  });

  it("replaces a worker that dies, and goes on serving", async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim, "SIGKILL");
    await expect.poll(() => workerPids().filter((pid) => pid !== victim && pid !== survivor).length, { timeout: 30_000, interval: 100 }).toBe(1);
    expect(workerPids()).toHaveLength(2);
    // A new connection each time (fetch could reuse a kept-alive one to the killed process).
    for (let request = 0; request < 6; request++) expect(await statusOnNewConnection(`${server.url}/healthz`)).toBe(200);
  });
});
