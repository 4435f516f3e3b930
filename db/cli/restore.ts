// npm run db:restore -- BACKUP_FILE [--force]: verify a backup (integrity, foreign keys, audit chain) and put it
// in place of the database named by DATABASE_URL, after adding its evidence files (BACKUP_FILE.files/) to the files
// folder (FILES_DIR, or beside the database). Refuses while a server has that database open, unless --force.
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import { filesDirectory } from "../../app/utils/files.server";
import { BackupError, reportFileProblems, restoreDatabase } from "./backup-restore";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: "boolean", default: false } } });
const database = parseDatabaseUrl(process.env.DATABASE_URL);
if (database.engine !== "sqlite" || positionals.length !== 1) {
  console.error(database.engine !== "sqlite" ? "db:restore restores SQLite databases; for PostgreSQL use pg_restore." : "Usage: npm run db:restore -- BACKUP_FILE [--force]");
  process.exit(2);
}
try {
  const report = await restoreDatabase(positionals[0], database.file, filesDirectory(), { force: values.force });
  console.log(`Restored ${positionals[0]} to ${database.file}: integrity ok, audit chain intact (${report.audit.ok ? `${report.audit.rows} rows, head ${report.audit.head}` : ""}).`);
  console.log(`Files: ${report.files.copied} added to ${filesDirectory()} (${report.files.bytes} bytes), each checked against its SHA-256.`);
  if (reportFileProblems(report.files, "the backup")) process.exitCode = 1;
  if (values.force) console.log("Restart the server now: it still has the old file open.");
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
