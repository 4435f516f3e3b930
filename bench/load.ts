// npm run bench:load -- [--duration 60] [--connections 20] [--workers 1]
// Load on loopback as signed-in users: 14 connections read pages (dashboard, register, assignment, meetings),
// 6 post progress reports and language switches, each as its own assignee on its own assignment.
// Target: 0 errors; page p99 ≤ 250 ms, post p99 ≤ 500 ms. CI runs a few seconds and checks errors only.
// --workers N starts the server with WEB_CONCURRENCY=N (worker processes sharing the cores with this load generator).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import autocannon, { type Result } from "autocannon";
import { DEMO_PASSWORD } from "../db/seeds/demo";
import { buildIfStale } from "../scripts/build-if-stale.js";
import { FormClient, startServerProcess } from "../scripts/support/server-process";
import { prepareWriters } from "../scripts/support/writers";

export interface Figures {
  requests: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and answers that are neither 2xx nor 3xx. */
  errors: number;
}
export interface LoadReport {
  duration: number;
  connections: number;
  pages: Figures;
  posts: Figures;
}

const bad = (result: Result) =>
  result.errors + result.timeouts + Object.entries(result.statusCodeStats ?? {}).reduce((sum, [code, { count = 0 }]) => (/^[23]/.test(code) ? sum : sum + count), 0);

export async function runLoad(options: { duration: number; connections?: number; template?: string; workers?: number }): Promise<LoadReport> {
  const { duration, connections = 20, workers = 1 } = options;
  const writerCount = Math.max(1, Math.round(connections * 0.3));
  const readerCount = connections - writerCount;
  buildIfStale({ quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-load-"));
  const file = path.join(dir, "tapsyrma.db");
  const writers = await prepareWriters(file, writerCount, options.template);
  const server = await startServerProcess(file, { WEB_CONCURRENCY: String(workers) });
  try {
    const signIn = async (login: string) => {
      const client = new FormClient(server.url);
      await client.signIn(login, DEMO_PASSWORD);
      return client;
    };
    // Readers: the pages each demo role opens most, as that role; only what answers 200 goes into the mix.
    const assignment = writers[0].assignmentId;
    const readers: { cookie: string; path: string }[] = [];
    for (const login of ["controller", "secretariat", "akmola", "ministry"]) {
      const client = await signIn(login);
      for (const page of ["/", "/instructions", "/assignments", `/assignments/${assignment}`, "/meetings", "/review", "/instructions?status=overdue"]) {
        const response = await client.get(page);
        await response.arrayBuffer();
        if (response.status === 200) readers.push({ cookie: client.cookieHeader(), path: page });
      }
    }
    const pages = autocannon({
      url: server.url,
      connections: readerCount,
      duration,
      timeout: 10,
      requests: readers.map(({ cookie, path: page }) => ({ method: "GET", path: page, headers: { Cookie: cookie } })),
    });
    // Writers: one connection each, so the version each report is based on is the one the last report left.
    const posts = writers.map(async (writer) => {
      const client = await signIn(writer.login);
      const page = await (await client.get(`/assignments/${writer.assignmentId}`)).text();
      let version = Number(page.match(/name="version" value="(\d+)"/)?.[1]);
      const headers = { Cookie: client.cookieHeader(), Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" };
      return autocannon({
        url: server.url,
        connections: 1,
        duration,
        timeout: 10,
        requests: [
          {
            method: "POST",
            path: `/assignments/${writer.assignmentId}`,
            headers,
            setupRequest: (request) => ({
              ...request,
              body: new URLSearchParams({ action: "post_progress", version: String(version), idempotencyKey: randomUUID(), body: `Жүктеме сынағы ${randomUUID()}` }).toString(),
            }),
            onResponse: (status) => {
              if (status === 302) version += 1;
            },
          },
          { method: "POST", path: "/language", headers, body: new URLSearchParams({ language: "kk", redirectTo: "/" }).toString() },
        ],
      });
    });
    const [pageResult, ...postResults] = await Promise.all([pages, ...posts]);
    const postFigures: Figures = {
      requests: postResults.reduce((sum, r) => sum + r.requests.total, 0),
      // One histogram per writer: report the slowest writer's figures, the honest bound.
      p50: Math.max(...postResults.map((r) => r.latency.p50)),
      p99: Math.max(...postResults.map((r) => r.latency.p99)),
      errors: postResults.reduce((sum, r) => sum + bad(r), 0),
    };
    return {
      duration,
      connections,
      pages: { requests: pageResult.requests.total, p50: pageResult.latency.p50, p99: pageResult.latency.p99, errors: bad(pageResult) },
      posts: postFigures,
    };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: { duration: { type: "string", default: "60" }, connections: { type: "string", default: "20" }, workers: { type: "string", default: "1" } },
  });
  const report = await runLoad({ duration: Number(values.duration), connections: Number(values.connections), workers: Number(values.workers) });
  const line = (name: string, f: Figures) => `${name.padEnd(6)} ${String(f.requests).padStart(7)} requests  p50 ${f.p50} ms  p99 ${f.p99} ms  errors ${f.errors}`;
  console.log(`${report.connections} connections for ${report.duration} s on loopback, ${values.workers} server process${values.workers === "1" ? "" : "es"}`);
  console.log(line("pages", report.pages));
  console.log(line("posts", report.posts));
  const ok = report.pages.errors === 0 && report.posts.errors === 0 && report.pages.p99 <= 250 && report.posts.p99 <= 500;
  console.log(ok ? "Within target (0 errors, page p99 ≤ 250 ms, post p99 ≤ 500 ms)." : "Outside target (0 errors, page p99 ≤ 250 ms, post p99 ≤ 500 ms).");
  process.exitCode = ok ? 0 : 1;
}
