import type { Kysely } from "kysely";

/*
 * Two-factor sign-in (TOTP). One credential row per user: `secret` is set once enrolment is confirmed,
 * `pending_secret` holds a secret shown on the enrolment page until the user proves their app has it.
 * `last_used_step` is the TOTP time step of the last accepted code, so no code is accepted twice.
 * Recovery codes are stored as SHA-256 only. A challenge is the half-way state between password and
 * code: its own short-lived cookie, stored hashed, never a session. Failures are rows, counted per user,
 * so throttling holds across app servers (like sign_in_failures).
 * Portable types only (docs/decisions/002-portable-schema.md). Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("two_factor_credentials")
    .addColumn("user_id", "text", (c) => c.primaryKey().references("users.id"))
    .addColumn("secret", "text")
    .addColumn("enabled_at", "text")
    .addColumn("last_used_step", "integer")
    .addColumn("pending_secret", "text")
    .addColumn("pending_created_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("two_factor_recovery_codes")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("two_factor_recovery_codes_user").on("two_factor_recovery_codes").columns(["user_id", "code_hash"]).execute();

  await db.schema
    .createTable("two_factor_challenges")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("two_factor_challenges_expiry").on("two_factor_challenges").column("expires_at").execute();

  await db.schema
    .createTable("two_factor_failures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("two_factor_failures_user").on("two_factor_failures").columns(["user_id", "attempted_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("two_factor_failures").execute();
  await db.schema.dropTable("two_factor_challenges").execute();
  await db.schema.dropTable("two_factor_recovery_codes").execute();
  await db.schema.dropTable("two_factor_credentials").execute();
}
