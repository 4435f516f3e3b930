// npm run crash-safety -- [--rounds 50] [--writers 16]
// Kills the production server with SIGKILL while 16 writers post progress reports, restarts it, and checks
// that every report that got a success answer is stored, and that the database and audit chain are sound.
// CI runs 5 rounds (tests/integration/crash-safety.test.ts); the long run is this script with --rounds 50.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { DEMO_PASSWORD } from "../db/seeds/demo";
import { checkDatabaseFile } from "../db/cli/integrity";
import { createDatabase } from "../app/utils/db.server";
import { buildIfStale } from "./build-if-stale.js";
import { FormClient, startServerProcess } from "./support/server-process";
import { prepareWriters, type Writer } from "./support/writers";

export interface CrashReport {
  rounds: number;
  acknowledged: number;
  lost: number;
  problems: string[];
}

const MARK = "crash-safety";

/** Posts reports until the server stops answering; returns the texts of the reports it acknowledged. */
async function write(client: FormClient, writer: Writer, round: number, index: number, killed: () => boolean, onAck: () => void): Promise<string[]> {
  const acknowledged: string[] = [];
  try {
    const page = await (await client.get(`/assignments/${writer.assignmentId}`)).text();
    let version = Number(page.match(/name="version" value="(\d+)"/)?.[1]);
    if (!version) throw new Error(`no version on the assignment page of ${writer.login}`);
    for (let n = 1; ; n++) {
      const body = `${MARK} r${round} w${index} n${n} ${randomUUID()}`;
      const response = await client.post(`/assignments/${writer.assignmentId}`, { action: "post_progress", version: String(version), idempotencyKey: randomUUID(), body });
      await response.arrayBuffer();
      if (response.status !== 302) throw new Error(`report by ${writer.login} answered ${response.status}`);
      acknowledged.push(body);
      onAck();
      version += 1;
    }
  } catch (error) {
    // The kill cuts requests off mid-flight: that ends this writer. A failure before the kill is a finding.
    if (!killed()) throw error;
  }
  return acknowledged;
}

async function storedReports(file: string): Promise<Set<string>> {
  const db = createDatabase(file);
  try {
    const rows = await db.selectFrom("assignment_events").select("body").where("kind", "=", "progress").where("body", "like", `${MARK} %`).execute();
    return new Set(rows.map((row) => row.body ?? ""));
  } finally {
    await db.destroy();
  }
}

export async function runCrashSafety(options: { rounds: number; writers?: number; template?: string; log?: (line: string) => void }): Promise<CrashReport> {
  const { rounds, writers: writerCount = 16, log = () => {} } = options;
  buildIfStale({ quiet: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-crash-"));
  const file = path.join(dir, "tapsyrma.db");
  const acknowledged: string[] = [];
  const problems: string[] = [];
  let lost = 0;
  try {
    const writers = await prepareWriters(file, writerCount, options.template);
    // Round r: start (a restart after the previous kill), check everything acknowledged so far, write, kill.
    for (let round = 1; round <= rounds + 1; round++) {
      const server = await startServerProcess(file);
      const check = await checkDatabaseFile(file);
      const stored = await storedReports(file);
      const missing = acknowledged.filter((body) => !stored.has(body));
      lost = missing.length;
      problems.push(...check.problems.map((p) => `after round ${round - 1}: ${p}`));
      if (missing.length) problems.push(`after round ${round - 1}: ${missing.length} acknowledged reports lost, e.g. "${missing[0]}"`);
      if (round > rounds || problems.length) {
        await server.stop();
        break;
      }
      const clients = writers.map(() => new FormClient(server.url));
      await Promise.all(writers.map((writer, i) => clients[i].signIn(writer.login, DEMO_PASSWORD)));
      let killed = false;
      let firstAck = () => {};
      const writesFlowing = new Promise<void>((resolve) => (firstAck = resolve));
      const writing = writers.map((writer, i) => write(clients[i], writer, round, i + 1, () => killed, firstAck));
      // A random moment once writes flow (however slow a shared machine is): from the first report to dozens in.
      await Promise.race([writesFlowing, Promise.all(writing)]);
      const delay = Math.random() * 1000;
      await new Promise((resolve) => setTimeout(resolve, delay));
      killed = true;
      await server.kill();
      const done = (await Promise.all(writing)).flat();
      acknowledged.push(...done);
      log(`round ${round}: killed ${Math.round(delay)} ms after the first report, ${done.length} reports acknowledged`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { rounds, acknowledged: acknowledged.length, lost, problems };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" }, writers: { type: "string", default: "16" } } });
  const report = await runCrashSafety({ rounds: Number(values.rounds), writers: Number(values.writers), log: console.log });
  console.log(`rounds: ${report.rounds}, acknowledged writes: ${report.acknowledged}, writes lost: ${report.lost}`);
  for (const problem of report.problems) console.error(problem);
  process.exitCode = report.problems.length ? 1 : 0;
}
