import { sql, type Kysely } from "kysely";

/*
 * Calendar feeds: a secret per-user address that serves the user's deadlines as iCalendar. Like sessions,
 * only the SHA-256 of the secret is stored, so a leaked table gives no working address. A feed is never
 * deleted: revoking stamps revoked_at, and at most one feed per user is live (the partial unique index;
 * partial indexes read the same on SQLite and PostgreSQL).
 * Portable types only (docs/decisions/002-portable-schema.md). Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .addColumn("last_used_at", "text")
    .execute();
  await db.schema.createIndex("calendar_feeds_user").on("calendar_feeds").columns(["user_id", "created_at"]).execute();
  await db.schema
    .createIndex("calendar_feeds_one_live_per_user")
    .on("calendar_feeds")
    .column("user_id")
    .unique()
    .where(sql.ref("revoked_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("calendar_feeds").execute();
}
