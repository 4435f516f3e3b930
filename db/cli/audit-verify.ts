// npm run audit:verify: walk the audit log's hash chain in the database named by DATABASE_URL.
// Exit 0 when every row links to the one before and matches its hash; exit 1 naming the first row that does not.
// It only reads: no migration, no seed, so it can be pointed at a copy taken for an inspection.
import fs from "node:fs";
import { verifyAuditChain } from "../../app/models/audit.server";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import { createDatabase } from "../../app/utils/db.server";

// Opening a missing SQLite file would create an empty one: say so instead.
const target = parseDatabaseUrl(process.env.DATABASE_URL);
if (target.engine === "sqlite" && !fs.existsSync(target.file)) {
  console.error(`No database at ${target.file} (set DATABASE_URL).`);
  process.exit(2);
}

const db = createDatabase(process.env.DATABASE_URL);
try {
  const verdict = await verifyAuditChain(db);
  if (verdict.ok) {
    console.log(`Audit chain intact: ${verdict.rows} rows, head ${verdict.head}`);
  } else {
    console.error(`Audit chain broken at row seq=${verdict.brokenSeq} id=${verdict.brokenId}: ${verdict.reason}`);
    process.exitCode = 1;
  }
} finally {
  await db.destroy();
}
