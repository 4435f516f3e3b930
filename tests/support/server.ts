import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { createDatabase, type DB } from "../../app/utils/db.server";

const projectRoot = path.resolve(import.meta.dirname, "../..");

export interface TestServer {
  url: string;
  origin: string;
  databaseFile: string;
  /** A second connection to the server's database, for arranging and checking what is stored. */
  db: DB;
  output: () => string;
  stop: () => Promise<void>;
}

/** A fresh copy of the seeded template database in its own folder. */
export function freshDatabaseFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-test-"));
  const file = path.join(dir, "tapsyrma.db");
  fs.copyFileSync(inject("templateDatabase"), file);
  return file;
}

/** Starts the production build (server.js) on a free port over a fresh copy of the demo database. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databaseFile = freshDatabaseFile();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, "server.js")], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseFile,
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
  });
  const db = createDatabase(databaseFile);
  return {
    url,
    origin: url,
    databaseFile,
    db,
    output: () => output,
    async stop() {
      await db.destroy();
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(path.dirname(databaseFile), { recursive: true, force: true });
    },
  };
}
