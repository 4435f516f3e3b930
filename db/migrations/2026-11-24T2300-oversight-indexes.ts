import { sql, type Kysely } from "kysely";

/*
 * Indexes for the controller's oversight pages at national size (about 250,000 assignments and a million
 * events; measured with `npm run db:seed -- --large` and `npm run bench:server`).
 *
 * - assignment_events (kind, created_at, assignment_id): the discipline table counts approved extensions per
 *   organization; with the assignment in the index the events side needs no table reads.
 * - assignments (id, organization_id), unique: the same count then reaches each event's organization in one
 *   index probe (SQLite treats it as a one-row lookup only when every key column is matched).
 * - assignment_events (responds_to_event_id): "is this extension request still waiting for a decision" (the
 *   assignment page and every action on it) scanned the whole event table for each request.
 * - instructions (meeting_id, id) and assignments (instruction_id, status, deadline, reported_at, completed_at,
 *   organization_id): the dashboard's totals and discipline walk published meetings → instructions →
 *   assignments; both steps become index-only, without reading the wide instruction rows.
 * - assignments (status, completed_at, instruction_id): assignments accepted per month (the trend chart).
 * - assignments (status, deadline-is-null, deadline, id): the register's default order (no deadline last), so a
 *   page filtered by status reads 50 rows in order instead of sorting every match.
 *
 * Portable: plain and expression indexes exist on both engines. `if not exists`, so a run interrupted halfway
 * (SQLite migrations run outside a transaction) can simply run again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("assignment_events_kind_created_assignment")
    .ifNotExists()
    .on("assignment_events")
    .columns(["kind", "created_at", "assignment_id"])
    .execute();
  await db.schema.createIndex("assignment_events_responds_to").ifNotExists().on("assignment_events").columns(["responds_to_event_id"]).execute();
  await db.schema.createIndex("assignments_id_organization").ifNotExists().unique().on("assignments").columns(["id", "organization_id"]).execute();
  await db.schema.createIndex("instructions_meeting_id").ifNotExists().on("instructions").columns(["meeting_id", "id"]).execute();
  await db.schema
    .createIndex("assignments_instruction_progress")
    .ifNotExists()
    .on("assignments")
    .columns(["instruction_id", "status", "deadline", "reported_at", "completed_at", "organization_id"])
    .execute();
  await db.schema
    .createIndex("assignments_status_completed")
    .ifNotExists()
    .on("assignments")
    .columns(["status", "completed_at", "instruction_id"])
    .execute();
  // The expression must stay exactly the register's ORDER BY (app/models/register.server.ts, sorted()).
  await db.schema
    .createIndex("assignments_register_order")
    .ifNotExists()
    .on("assignments")
    .column("status")
    .expression(sql`(case when deadline is null then 1 else 0 end)`)
    .columns(["deadline", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "assignments_register_order",
    "assignments_status_completed",
    "assignments_instruction_progress",
    "instructions_meeting_id",
    "assignments_id_organization",
    "assignment_events_responds_to",
    "assignment_events_kind_created_assignment",
  ]) {
    await db.schema.dropIndex(name).ifExists().execute();
  }
}
