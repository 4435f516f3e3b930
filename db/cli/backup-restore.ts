// Online backup and verified restore of the SQLite database. Used by db/cli/backup.ts and db/cli/restore.ts.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { checkDatabaseFile, type IntegrityReport } from "./integrity";

/** Makes a file's contents, and then its directory entry, durable before we report success. */
function fsyncFile(file: string) {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
function fsyncDirectory(dir: string) {
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class BackupError extends Error {}

/**
 * VACUUM INTO reads one snapshot inside one read transaction, so the copy is consistent while the server keeps
 * writing (WAL lets readers and a writer run together). The SQLite backup API would restart its page copy on
 * every concurrent write and may never finish under steady load.
 */
export async function backupDatabase(source: string, target: string): Promise<IntegrityReport> {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}.`);
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already; name a new file.`);
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(target)}.${randomUUID()}.partial`);
  try {
    const connection = new SQLite(source, { fileMustExist: true });
    try {
      connection.pragma("busy_timeout = 5000");
      connection.prepare("vacuum into ?").run(temporary);
    } finally {
      connection.close();
    }
    fsyncFile(temporary);
    const report = await checkDatabaseFile(temporary);
    if (!report.ok) throw new BackupError(`The copy failed its checks: ${report.problems.join("; ")}`);
    fs.renameSync(temporary, target);
    fsyncDirectory(dir);
    return report;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * Whether another connection (a running server) has the database open: leaving WAL mode needs the only
 * connection, so SQLite answers SQLITE_BUSY at once when someone else is there.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const connection = new SQLite(file, { fileMustExist: true });
  try {
    connection.pragma("busy_timeout = 0");
    connection.pragma("journal_mode = DELETE");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    connection.close();
  }
}

/**
 * Puts a backup in place of the database: copy next to the target, fsync, check integrity and the audit chain
 * on that copy, then rename over the target. The rename is atomic: the target is the old file or the new one.
 */
export async function restoreDatabase(backup: string, target: string, options: { force?: boolean } = {}): Promise<IntegrityReport> {
  if (!fs.existsSync(backup)) throw new BackupError(`No backup at ${backup}.`);
  if (!options.force && databaseInUse(target)) {
    throw new BackupError(`${target} is in use (is the server running?). Stop it first, or pass --force and restart it after.`);
  }
  const dir = path.dirname(path.resolve(target));
  fs.mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `.${path.basename(target)}.${randomUUID()}.partial`);
  try {
    fs.copyFileSync(backup, temporary);
    fsyncFile(temporary);
    const report = await checkDatabaseFile(temporary);
    if (!report.ok) throw new BackupError(`The backup failed its checks, nothing was changed: ${report.problems.join("; ")}`);
    // A WAL left beside the old file would be replayed into the new one: it belongs to the old database.
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(temporary, target);
    fsyncDirectory(dir);
    return report;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
