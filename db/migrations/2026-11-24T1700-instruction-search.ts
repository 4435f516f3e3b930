import type { Kysely } from "kysely";

// Instructions get the same folded search text as meetings and the directory (see 2026-11-24T1500).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("instructions").addColumn("search_text", "text", (c) => c.notNull().defaultTo("")).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("instructions").dropColumn("search_text").execute();
}
