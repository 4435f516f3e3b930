// Online backup and verified restore of the SQLite database and the evidence files it refers to.
// Used by db/cli/backup.ts and db/cli/restore.ts.
import { createHash, randomUUID } from "node:crypto";
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

/** The evidence files of a backup: copied and checked against their SHA-256, or missing or damaged at the source. */
export interface FilesReport {
  copied: number;
  bytes: number;
  /** Storage paths the database refers to that were not there to copy. */
  missing: string[];
  /** Storage paths whose content no longer matches the SHA-256 the database recorded. */
  damaged: string[];
}

/** A backup's files sit beside it: `<backup>.files/ab/abcdef…`, as in the live files folder. */
export const backupFilesDirectory = (backupFile: string) => `${backupFile}.files`;

/** Prints what could not be copied; true when anything could not. */
export function reportFileProblems(files: FilesReport, source: string): boolean {
  if (files.missing.length) console.error(`${files.missing.length} files the database refers to are missing from ${source}:\n  ${files.missing.join("\n  ")}`);
  if (files.damaged.length) console.error(`${files.damaged.length} files in ${source} no longer match their SHA-256 and were not copied:\n  ${files.damaged.join("\n  ")}`);
  return files.missing.length + files.damaged.length > 0;
}

function referencedFiles(databaseFile: string): { storage_path: string; sha256: string }[] {
  const connection = new SQLite(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return connection.prepare("select distinct storage_path, sha256 from files order by storage_path").all() as { storage_path: string; sha256: string }[];
  } finally {
    connection.close();
  }
}

function sha256Of(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Inside `root`, never out of it: stored paths are ours (hash/hash), but a tampered database must not steer a copy. */
function within(root: string, storagePath: string): string {
  const full = path.resolve(root, storagePath);
  if (!full.startsWith(path.resolve(root) + path.sep)) throw new BackupError(`A file path leaves its folder: ${storagePath}`);
  return full;
}

/**
 * Copies every file the database refers to from one files folder to another, each through a temporary name,
 * fsynced and renamed, and checked against its recorded SHA-256. Files already present at the destination are kept
 * (a name is its content's hash). What is missing or damaged at the source is reported, not copied.
 */
function copyReferencedFiles(databaseFile: string, from: string, to: string): FilesReport {
  const report: FilesReport = { copied: 0, bytes: 0, missing: [], damaged: [] };
  for (const file of referencedFiles(databaseFile)) {
    const source = within(from, file.storage_path);
    const target = within(to, file.storage_path);
    if (fs.existsSync(target) && sha256Of(target) === file.sha256) continue;
    if (!fs.existsSync(source)) {
      report.missing.push(file.storage_path);
      continue;
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.partial`;
    try {
      fs.copyFileSync(source, temporary);
      fsyncFile(temporary);
      if (sha256Of(temporary) !== file.sha256) {
        report.damaged.push(file.storage_path);
        continue;
      }
      fs.renameSync(temporary, target);
      report.copied += 1;
      report.bytes += fs.statSync(target).size;
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
  return report;
}

/**
 * VACUUM INTO reads one snapshot inside one read transaction, so the copy is consistent while the server keeps
 * writing (WAL lets readers and a writer run together). The SQLite backup API would restart its page copy on
 * every concurrent write and may never finish under steady load.
 */
export async function backupDatabase(source: string, target: string, filesFolder: string): Promise<IntegrityReport & { files: FilesReport }> {
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}.`);
  if (fs.existsSync(target) || fs.existsSync(backupFilesDirectory(target))) throw new BackupError(`${target} exists already; name a new file.`);
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
    // The files of this snapshot: each was stored (fsynced and renamed) before the row naming it was committed,
    // and a referenced file is never removed, so all of them are there to copy while the server goes on.
    const files = copyReferencedFiles(temporary, filesFolder, backupFilesDirectory(temporary));
    if (fs.existsSync(backupFilesDirectory(temporary))) fs.renameSync(backupFilesDirectory(temporary), backupFilesDirectory(target));
    fs.renameSync(temporary, target);
    fsyncDirectory(dir);
    return { ...report, files };
  } finally {
    fs.rmSync(temporary, { force: true });
    fs.rmSync(backupFilesDirectory(temporary), { recursive: true, force: true });
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
export async function restoreDatabase(
  backup: string,
  target: string,
  filesFolder: string,
  options: { force?: boolean } = {},
): Promise<IntegrityReport & { files: FilesReport }> {
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
    // The files first, so the database never names a file that is not there yet. Only files are added: the
    // folder may hold files of other records, and a name is its content's hash.
    const files = copyReferencedFiles(temporary, backupFilesDirectory(backup), filesFolder);
    // A WAL left beside the old file would be replayed into the new one: it belongs to the old database.
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(temporary, target);
    fsyncDirectory(dir);
    return { ...report, files };
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}
