// npm run db:backup -- [FILE]: an online, consistent copy of the database named by DATABASE_URL, safe to run
// while the server serves writes, and of the evidence files it refers to (FILE.files/, from FILES_DIR or the
// files folder beside the database). Default FILE: backups/tapsyrma-<UTC time>.db beside the database (data/backups/).
// Exit code 1 also when a referenced file was missing or damaged in the files folder: the backup is kept, and says which.
import path from "node:path";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import { filesDirectory } from "../../app/utils/files.server";
import { BackupError, backupDatabase, backupFilesDirectory, reportFileProblems } from "./backup-restore";

const database = parseDatabaseUrl(process.env.DATABASE_URL);
if (database.engine !== "sqlite") {
  console.error("db:backup copies SQLite databases; for PostgreSQL use pg_dump.");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join(path.dirname(database.file), "backups", `tapsyrma-${stamp}.db`));
try {
  const report = await backupDatabase(database.file, target, filesDirectory());
  console.log(`Backup written to ${target}: integrity ok, audit chain intact (${report.audit.ok ? `${report.audit.rows} rows, head ${report.audit.head}` : ""}).`);
  console.log(`Files: ${report.files.copied} copied to ${backupFilesDirectory(target)} (${report.files.bytes} bytes), each checked against its SHA-256.`);
  if (reportFileProblems(report.files, filesDirectory())) process.exitCode = 1;
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
