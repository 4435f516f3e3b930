// npm run users:create-admin -- --login <login> --name "<full name>"
// The password comes from ADMIN_PASSWORD or is asked for (not echoed). For deployments with SEED_DEMO=false.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { normalizeLogin } from "../../app/models/sign-in.server";
import { createDatabase, migrateToLatest } from "../../app/utils/db.server";
import { newId, timestamp } from "../../app/utils/ids";
import { hashPassword } from "../../app/utils/password.server";

const { values } = parseArgs({ options: { login: { type: "string" }, name: { type: "string" } } });
if (!values.login || !values.name) {
  console.error('Usage: npm run users:create-admin -- --login <login> --name "<full name>"');
  process.exit(2);
}

async function askPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write("Password (at least 12 characters): ");
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

const password = await askPassword();
if (password.length < 12) {
  console.error("The password must have at least 12 characters.");
  process.exit(2);
}

const db = createDatabase(process.env.DATABASE_URL);
try {
  await migrateToLatest(db);
  const login = normalizeLogin(values.login);
  const existing = await db.selectFrom("users").select("id").where("login", "=", login).executeTakeFirst();
  if (existing) {
    console.error(`A user with the login "${login}" already exists.`);
    process.exit(1);
  }
  const now = timestamp();
  await db
    .insertInto("users")
    .values({
      id: newId(),
      login,
      display_name: values.name.normalize("NFC").trim(),
      password_hash: await hashPassword(password),
      role: "admin",
      organization_id: null,
      language: "kk",
      is_active: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  console.log(`Administrator "${login}" created. Sign in at /login.`);
} finally {
  await db.destroy();
}
