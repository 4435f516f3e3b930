// npm run db:seed: migrate, then seed the demo data into an empty database.
import { createDatabase, migrateToLatest } from "../../app/utils/db.server";
import { seedDemoData } from "../seeds/demo";

const db = createDatabase(process.env.DATABASE_URL);
try {
  await migrateToLatest(db);
  const { seeded } = await seedDemoData(db);
  console.log(seeded ? "Demo data seeded." : "The database already has users: nothing seeded.");
} finally {
  await db.destroy();
}
