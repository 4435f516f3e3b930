import type { Kysely } from "kysely";

/*
 * A folded copy of each searchable row's text (NFC, lower-cased by the app with Unicode rules), so a plain
 * LIKE finds "ӘКІМДІГІ" in "әкімдігі" on both engines: SQLite's own lower() and LIKE fold ASCII only.
 */
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ["organizations", "people", "meetings"]) {
    await db.schema.alterTable(table).addColumn("search_text", "text", (c) => c.notNull().defaultTo("")).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["organizations", "people", "meetings"]) {
    await db.schema.alterTable(table).dropColumn("search_text").execute();
  }
}
