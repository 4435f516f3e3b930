import type { Kysely } from "kysely";

/*
 * Minutes imports: a pasted or uploaded meeting report, the draft the parser made of it, and the review form as
 * the secretariat last left it. The row is also the confirmation's idempotency key: confirming stamps
 * meeting_id, and a second confirm of the same import lands on that meeting instead of creating another.
 * meeting_id has no foreign key on purpose: deleting the draft meeting later must not be blocked by its import.
 * Portable types only (docs/decisions/002-portable-schema.md). Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("minutes_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("source_name", "text")
    .addColumn("source_text", "text", (c) => c.notNull())
    .addColumn("draft_json", "text", (c) => c.notNull())
    .addColumn("form_json", "text", (c) => c.notNull())
    .addColumn("meeting_id", "text")
    .addColumn("confirmed_at", "text")
    .execute();
  await db.schema.createIndex("minutes_imports_created_by").on("minutes_imports").columns(["created_by", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("minutes_imports").execute();
}
