// npm run db:seed: migrate, then seed the demo data into an empty database.
// npm run db:seed -- --large [--force] [--scale <factor>]: also generate a national-size data set (db/seeds/large.ts)
// into the SQLite database named by DATABASE_URL.
import { parseArgs } from "node:util";
import { Kysely, SqliteDialect } from "kysely";
import { parseDatabaseUrl } from "../../app/utils/database-url";
import type { Database } from "../../app/utils/db-schema";
import { createDatabase, migrateToLatest, openSqlite } from "../../app/utils/db.server";
import { seedDemoData } from "../seeds/demo";
import { seedLargeData } from "../seeds/large";

const USAGE = "Usage: npm run db:seed [-- --large [--force] [--scale <factor>]]";

let args: { large?: boolean; force?: boolean; scale?: string; help?: boolean };
try {
  args = parseArgs({
    options: {
      large: { type: "boolean" },
      force: { type: "boolean" },
      scale: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  }).values;
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(
    `${USAGE}\n\n` +
      "  (no option)       migrate, then seed the demo data if the database has no users\n" +
      "  --large           also generate ~1,000 meetings, 100,000 instructions, 250,000 assignments with their histories\n" +
      "  --force           with --large: add a generated set even if the database has meetings beyond the demo\n" +
      "  --scale <factor>  with --large: scale the number of meetings (1 = 1,000)\n",
  );
  process.exit(0);
}
if ((args.force || args.scale !== undefined) && !args.large) {
  console.error(`--force and --scale go with --large.\n${USAGE}`);
  process.exit(2);
}

if (!args.large) {
  const db = createDatabase(process.env.DATABASE_URL);
  try {
    await migrateToLatest(db);
    const { seeded } = await seedDemoData(db);
    console.log(seeded ? "Demo data seeded." : "The database already has users: nothing seeded.");
  } finally {
    await db.destroy();
  }
} else {
  const scale = args.scale === undefined ? 1 : Number(args.scale);
  if (!(scale > 0 && scale <= 10)) {
    console.error(`--scale must be a number above 0 and at most 10, got ${args.scale}`);
    process.exit(2);
  }
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.engine !== "sqlite") {
    console.error("--large writes a SQLite file directly; set DATABASE_URL to a file path, e.g. DATABASE_URL=data/large.db");
    process.exit(2);
  }
  console.log(`Generating the large data set into ${target.file}`);
  // One connection (with the app's pragmas) for the migrations, the demo seed, the bulk inserts and the audit rows.
  const connection = openSqlite(target.file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: connection }) });
  try {
    await migrateToLatest(db);
    const { seeded } = await seedDemoData(db);
    if (seeded) console.log("Demo data seeded (the large set builds on its organizations and sign-ins).");
    const result = await seedLargeData(connection, db, { force: args.force, scale });
    if (!result.ok) {
      console.error(result.reason);
      process.exitCode = 1;
    } else {
      const n = (value: number) => value.toLocaleString("en");
      console.log(`\nDone in ${result.seconds.toFixed(1)} s. Rows now in the database (generated in this run):`);
      for (const [table, total] of Object.entries(result.totals)) {
        const added = table === "audit_log" ? result.auditRows : result.generated[table];
        console.log(`  ${table.padEnd(20)} ${n(total).padStart(10)}${added === undefined ? "" : `  (+${n(added)})`}`);
      }
      console.log(
        `\nAudit: ${result.auditRows} summary rows (one for the directory, one per batch of meetings), written with recordAudit so ` +
          "the chain stays valid; the generated rows are not audited one by one. No notifications or evidence files are generated.\n" +
          `Sign in with the demo accounts, or any generated user (password: tapsyrma-demo).`,
      );
    }
  } finally {
    await db.destroy();
  }
}
