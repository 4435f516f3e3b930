import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDatabase, type DB } from "../../app/utils/db.server";
import { freshDatabase, type FreshDatabase } from "./database";

const projectRoot = path.resolve(import.meta.dirname, "../..");

export interface TestServer {
  url: string;
  origin: string;
  /** The server's DATABASE_URL: a SQLite file, or a postgres:// URL under `npm run test:pg`. */
  databaseFile: string;
  /** The server's FILES_DIR (uploaded files). */
  filesDir: string;
  /** A second connection to the server's database, for arranging and checking what is stored. */
  db: DB;
  output: () => string;
  /** The server process (with WEB_CONCURRENCY, the primary that supervises the workers). */
  pid: number;
  stop: () => Promise<void>;
}

export { freshDatabase, testEngine } from "./database";

/** A fresh SQLite copy of the seeded template in its own folder, whatever engine the run tests (see freshDatabase). */
export function freshDatabaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-test-"));
  const file = path.join(dir, "tapsyrma.db");
  fs.copyFileSync(inject("sqliteTemplate"), file);
  return file;
}

/**
 * Starts the production build (server.js) on a free port over a fresh copy of the demo database, or, with
 * `databaseUrl`, over a database another server already uses (several app servers on one PostgreSQL).
 */
export async function startServer(env: Record<string, string> = {}, options: { databaseUrl?: string } = {}): Promise<TestServer> {
  // A shared database belongs to the test that made it: this server gets only its own folder.
  const fresh: FreshDatabase = options.databaseUrl
    ? ((dir) => ({ url: options.databaseUrl!, dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) }))(
        fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-test-")),
      )
    : await freshDatabase();
  const databaseFile = options.databaseUrl ?? fresh.url;
  const filesDir = path.join(fresh.dir, "files");
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, "server.js")], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseFile,
      FILES_DIR: filesDir,
      LOG_REQUESTS: "false",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (http:\/\/\S+)/);
      if (match) resolve(match[1].replace("localhost", "127.0.0.1"));
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before listening:\n${output}`)));
  }).catch(async (error) => {
    await fresh.drop();
    throw error;
  });
  const db = createDatabase(databaseFile);
  return {
    url,
    origin: url,
    databaseFile,
    filesDir,
    db,
    output: () => output,
    pid: child.pid!,
    async stop() {
      await db.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await fresh.drop();
    },
  };
}
