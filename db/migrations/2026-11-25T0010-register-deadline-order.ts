import { sql, type Kysely } from "kysely";

/*
 * The register's default order (no deadline last, then deadline, then id) without a status filter: the
 * unfiltered register and filters that keep most rows read the first page in index order instead of sorting
 * a quarter of a million assignments. The expression must stay exactly the register's ORDER BY
 * (app/models/register.server.ts, pageRows()). Portable: expression indexes exist on both engines.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("assignments_deadline_order")
    .ifNotExists()
    .on("assignments")
    .expression(sql`(case when deadline is null then 1 else 0 end)`)
    .columns(["deadline", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("assignments_deadline_order").ifExists().execute();
}
