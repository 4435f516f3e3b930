// npm run db:backup -- [FILE]: an online, consistent copy of the database named by DATABASE_URL, safe to run
// while the server serves writes. Default FILE: backups/tapsyrma-<UTC time>.db beside the database (data/backups/).
import path from "node:path";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import { BackupError, backupDatabase } from "./backup-restore";

const database = parseDatabaseUrl(process.env.DATABASE_URL);
if (database.engine !== "sqlite") {
  console.error("db:backup copies SQLite databases; for PostgreSQL use pg_dump.");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const target = path.resolve(process.argv[2] ?? path.join(path.dirname(database.file), "backups", `tapsyrma-${stamp}.db`));
try {
  const report = await backupDatabase(database.file, target);
  console.log(`Backup written to ${target}: integrity ok, audit chain intact (${report.audit.ok ? `${report.audit.rows} rows, head ${report.audit.head}` : ""}).`);
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
