import { sql } from "kysely";
import type { DB } from "../utils/db.server";
import { newId } from "../utils/ids";
import { verifyPassword } from "../utils/password.server";

export const THROTTLE_WINDOW_MS = 60_000;
/** Failures allowed per account within the window; the next attempt on that account is refused. */
export const MAX_FAILURES_PER_ACCOUNT = 10;
/**
 * Failures allowed per client address within the window. Higher than per account: a ministry's whole staff
 * may reach us through one proxy address, and one person's typos must not lock the building out. It still
 * stops one address from trying a password across many accounts.
 */
export const MAX_FAILURES_PER_ADDRESS = 50;

export type SignInOutcome = { outcome: "signed_in"; userId: string; language: string } | { outcome: "invalid" } | { outcome: "throttled" };

export function normalizeLogin(login: string): string {
  return login.normalize("NFC").trim().toLowerCase();
}

async function recentFailures(db: DB, column: "login" | "client_address", value: string, since: string) {
  const row = await db
    .selectFrom("sign_in_failures")
    .select(sql<number>`count(*)`.as("count"))
    .where(column, "=", value)
    .where("attempted_at", ">", since)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Checks a login and password. Throttling is counted in the database, so it holds across every app
 * server, and it is checked before the password: an attacker past the limit learns nothing.
 */
export async function attemptSignIn(
  db: DB,
  input: { login: string; password: string; clientAddress: string },
  now: Date = new Date(),
): Promise<SignInOutcome> {
  const login = normalizeLogin(input.login);
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS).toISOString();
  const [byLogin, byAddress] = await Promise.all([
    recentFailures(db, "login", login, since),
    recentFailures(db, "client_address", input.clientAddress, since),
  ]);
  if (byLogin >= MAX_FAILURES_PER_ACCOUNT || byAddress >= MAX_FAILURES_PER_ADDRESS) return { outcome: "throttled" };

  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "is_active", "language"])
    .where("login", "=", login)
    .executeTakeFirst();
  const passwordMatches = await verifyPassword(user?.password_hash ?? null, input.password);
  if (user && user.is_active === 1 && passwordMatches) {
    return { outcome: "signed_in", userId: user.id, language: user.language };
  }

  await db
    .insertInto("sign_in_failures")
    .values({ id: newId(), login, client_address: input.clientAddress, attempted_at: now.toISOString() })
    .execute();
  // Old failures say nothing any more; keep the table small.
  await db
    .deleteFrom("sign_in_failures")
    .where("attempted_at", "<", new Date(now.getTime() - 24 * 3600_000).toISOString())
    .execute();
  return { outcome: "invalid" };
}
