// npm run users:reset-two-factor -- --login <login> --reason "lost phone"
// An administrator's reset for a user who lost their phone and recovery codes (there is no users screen yet).
// Audited as two_factor.reset with no actor (the shell is not a signed-in user); the user's role decides
// whether they must enrol again at their next sign-in.
import { parseArgs } from "node:util";
import { normalizeLogin } from "../../app/models/sign-in.server";
import { resetTwoFactor } from "../../app/models/two-factor.server";
import { createDatabase, migrateToLatest } from "../../app/utils/db.server";

const { values } = parseArgs({ options: { login: { type: "string" }, reason: { type: "string" } } });
if (!values.login || !values.reason?.trim()) {
  console.error('Usage: npm run users:reset-two-factor -- --login <login> --reason "<why, for the audit log>"');
  process.exit(2);
}

const db = createDatabase(process.env.DATABASE_URL);
try {
  await migrateToLatest(db);
  const login = normalizeLogin(values.login);
  const user = await db.selectFrom("users").select("id").where("login", "=", login).executeTakeFirst();
  if (!user) {
    console.error(`No user with the login "${login}".`);
    process.exit(1);
  }
  const reset = await resetTwoFactor(db, user.id, null, values.reason.trim().slice(0, 500));
  console.log(reset ? `Two-factor sign-in of "${login}" reset; they sign in with their password and enrol again.` : `"${login}" had no two-factor sign-in; nothing changed.`);
} finally {
  await db.destroy();
}
