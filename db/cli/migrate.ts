// npm run db:migrate: bring the database named by DATABASE_URL up to date.
import { createDatabase, migrateToLatest } from "../../app/utils/db.server";
import { parseDatabaseUrl } from "../../app/utils/database-url";

const db = createDatabase(process.env.DATABASE_URL);
try {
  const applied = await migrateToLatest(db);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const where = target.engine === "sqlite" ? target.file : "PostgreSQL";
  console.log(applied.length ? `Applied to ${where}: ${applied.join(", ")}` : `${where} is up to date.`);
} finally {
  await db.destroy();
}
