import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createDatabase } from "../../app/utils/db.server";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * npm run db:backup / db:restore as an operator runs them: a backup taken while three assignees post reports,
 * restored into a fresh data folder, holds the same rows and the same audit-chain head as the backup file.
 */

const projectRoot = path.resolve(import.meta.dirname, "../..");
let server: TestServer;
let work: string;

/** Runs an npm script's command (tsx db/cli/…) the way `npm run` would, without npm's own start-up. */
function cli(script: string, args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(projectRoot, "node_modules/tsx/dist/cli.mjs"), path.join(projectRoot, "db/cli", script), ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

// db:backup and db:restore are the SQLite tools (VACUUM INTO, file rename); PostgreSQL has its own
// (pg_basebackup, WAL archiving: docs/deploy.md): *.sqlite.test.ts, not run by test:pg.
describe("backup under write load, then restore", () => {
  beforeAll(async () => {
    server = await startServer();
    work = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-backup-"));
  });
  afterAll(async () => {
    await server?.stop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it("copies a consistent snapshot while reports are being written and restores it with the same rows and audit head", async () => {
    const writers = await Promise.all(
      ["akmola", "north-kazakhstan", "ministry"].map(async (login) => {
        const client = new Client(server);
        expect((await client.signIn(login)).status).toBe(302);
        const user = await server.db.selectFrom("users").select("organization_id").where("login", "=", login).executeTakeFirstOrThrow();
        const assignment = await server.db.selectFrom("assignments").select(["id", "version"]).where("organization_id", "=", user.organization_id).executeTakeFirstOrThrow();
        return { client, assignment };
      }),
    );
    // Evidence attached before the backup: it must travel with it.
    const evidence = new TextEncoder().encode(`%PDF-1.4\n% backup evidence ${randomUUID()}\n%%EOF\n`);
    const [first] = writers;
    const attached = await first.client.postMultipart(
      `/assignments/${first.assignment.id}`,
      { action: "post_progress", version: String(first.assignment.version), idempotencyKey: randomUUID(), body: "Актіні қоса беремін" },
      [{ name: "files", filename: "акт.pdf", bytes: evidence, type: "application/pdf" }],
    );
    expect(attached.status).toBe(302);
    first.assignment.version += 1;
    const evidenceSha = createHash("sha256").update(evidence).digest("hex");
    const acknowledged: string[] = [];
    let writing = true;
    let loadRunning = () => {};
    const running = new Promise<void>((resolve) => (loadRunning = resolve));
    const load = writers.map(async ({ client, assignment }) => {
      let version = assignment.version;
      while (writing) {
        const body = `backup-load ${randomUUID()}`;
        const response = await client.post(`/assignments/${assignment.id}`, { action: "post_progress", version: String(version), idempotencyKey: randomUUID(), body });
        await response.arrayBuffer();
        expect(response.status).toBe(302);
        acknowledged.push(body);
        if (acknowledged.length >= 10) loadRunning();
        version += 1;
      }
    });
    try {
      // Let the load get going, then back up in the middle of it.
      await running;
      const ackedBefore = acknowledged.slice();
      const backupFile = path.join(work, "backups", "under-load.db");
      const backup = await cli("backup.ts", [backupFile], server.databaseFile);
      expect(backup.output).toContain("Backup written");
      expect(backup.code).toBe(0);
      const referenced = await server.db.selectFrom("files").select(["storage_path", "sha256"]).distinct().execute();
      expect(backup.output).toContain(`Files: ${referenced.length} copied`);
      const writtenDuring = acknowledged.length - ackedBefore.length;
      expect(writtenDuring, "reports acknowledged while the backup ran").toBeGreaterThan(0);
      writing = false;
      await Promise.all(load);

      const restoredFile = path.join(work, "fresh-data", "tapsyrma.db");
      const restore = await cli("restore.ts", [backupFile], restoredFile);
      expect(restore.output).toContain("Restored");
      expect(restore.code).toBe(0);
      // The fresh data folder has every file the restored database names, byte for byte, the evidence among them.
      const freshFiles = path.join(work, "fresh-data", "files");
      for (const file of referenced) {
        expect(createHash("sha256").update(fs.readFileSync(path.join(freshFiles, file.storage_path))).digest("hex")).toBe(file.sha256);
      }
      expect(referenced.map((file) => file.sha256)).toContain(evidenceSha);

      const backupDb = createDatabase(backupFile);
      const restoredDb = createDatabase(restoredFile);
      try {
        expect(await snapshotDatabase(restoredDb)).toEqual(await snapshotDatabase(backupDb));
        const restoredChain = await verifyAuditChain(restoredDb);
        const backupChain = await verifyAuditChain(backupDb);
        expect(restoredChain.ok && backupChain.ok).toBe(true);
        if (!restoredChain.ok || !backupChain.ok) return;
        expect(restoredChain.head).toBe(backupChain.head);
        // A snapshot of the live chain at some moment: its head is a row of the live log, at the same position.
        const live = await server.db.selectFrom("audit_log").select(["seq", "hash"]).where("hash", "=", restoredChain.head).executeTakeFirstOrThrow();
        expect(Number(live.seq)).toBe(restoredChain.rows);
        // Everything acknowledged before the backup started is in it.
        const bodies = new Set((await restoredDb.selectFrom("assignment_events").select("body").where("body", "like", "backup-load %").execute()).map((row) => row.body));
        expect(ackedBefore.filter((body) => !bodies.has(body))).toEqual([]);
      } finally {
        await backupDb.destroy();
        await restoredDb.destroy();
      }
    } finally {
      writing = false;
      await Promise.allSettled(load);
    }
  });

  it("says which evidence files were missing or damaged in the files folder, and copies only the sound ones", async () => {
    const files = await server.db.selectFrom("files").select(["storage_path", "sha256"]).distinct().orderBy("storage_path").execute();
    expect(files.length).toBeGreaterThan(0);
    const [damaged] = files;
    const live = path.join(server.filesDir, damaged.storage_path);
    const original = fs.readFileSync(live);
    fs.writeFileSync(live, Buffer.concat([original, Buffer.from("tampered")]));
    try {
      const backupFile = path.join(work, "backups", "with-damage.db");
      const backup = await cli("backup.ts", [backupFile], server.databaseFile);
      expect(backup.code).toBe(1);
      expect(backup.output).toContain("Backup written");
      expect(backup.output).toContain("no longer match their SHA-256");
      expect(backup.output).toContain(damaged.storage_path);
      expect(fs.existsSync(path.join(`${backupFile}.files`, damaged.storage_path))).toBe(false);
      // Restoring it says the same file is missing from the backup.
      const restore = await cli("restore.ts", [backupFile], path.join(work, "fresh-from-damaged", "tapsyrma.db"));
      expect(restore.code).toBe(1);
      expect(restore.output).toContain("Restored");
      expect(restore.output).toContain(`missing from the backup`);
    } finally {
      fs.writeFileSync(live, original);
    }
  });

  it("refuses to restore over the database the running server uses, and leaves it as it was", async () => {
    const backupFile = path.join(work, "backups", "for-refusal.db");
    expect((await cli("backup.ts", [backupFile], server.databaseFile)).code).toBe(0);
    const before = await snapshotDatabase(server.db);
    const restore = await cli("restore.ts", [backupFile], server.databaseFile);
    expect(restore.code).not.toBe(0);
    expect(restore.output).toContain("is in use");
    expect(await snapshotDatabase(server.db)).toEqual(before);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("refuses a backup whose audit chain was tampered with, leaving the target untouched", async () => {
    const backupFile = path.join(work, "backups", "tampered.db");
    expect((await cli("backup.ts", [backupFile], server.databaseFile)).code).toBe(0);
    // Someone with the file and a SQLite shell: the append-only triggers do not stop them, the chain shows it.
    const raw = new SQLite(backupFile);
    raw.exec(`drop trigger audit_log_no_update; update audit_log set after_json = '{"forged":true}' where seq = 3`);
    raw.close();
    const target = path.join(work, "untouched", "tapsyrma.db");
    const restore = await cli("restore.ts", [backupFile], target);
    expect(restore.code).not.toBe(0);
    expect(restore.output).toContain("audit chain broken at seq 3");
    expect(fs.existsSync(target)).toBe(false);
  });
});
