import type { Kysely } from "kysely";

/*
 * The whole domain model of DESIGN.md.
 * Portable between SQLite and PostgreSQL: ids are text (UUIDv7, made by the app), timestamps are
 * ISO-8601 UTC text ("2026-11-24T09:00:00.000Z"), calendar dates are "YYYY-MM-DD" text, flags are
 * integers 0/1, measured values are double precision. See docs/decisions/002-portable-schema.md.
 * Frozen in time: never import app code here.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.unique())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("name_kk", "text", (c) => c.notNull())
    .addColumn("name_ru", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("short_name_kk", "text")
    .addColumn("short_name_ru", "text")
    .addColumn("short_name_en", "text")
    .addColumn("parent_id", "text", (c) => c.references("organizations.id"))
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organizations_kind").on("organizations").columns(["kind"]).execute();
  await db.schema.createIndex("organizations_parent").on("organizations").columns(["parent_id"]).execute();

  await db.schema
    .createTable("people")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("full_name", "text", (c) => c.notNull())
    .addColumn("position", "text")
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("people_organization").on("people").columns(["organization_id"]).execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("kk"))
    .addColumn("is_active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_organization").on("users").columns(["organization_id"]).execute();

  // The id column holds the SHA-256 of the session token; the token itself lives only in the cookie.
  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("absolute_expires_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("client_address", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user").on("sessions").columns(["user_id"]).execute();
  await db.schema.createIndex("sessions_expires").on("sessions").columns(["expires_at"]).execute();

  // Failed sign-ins, for throttling by account and by address across every app server.
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("login", "text", (c) => c.notNull())
    .addColumn("client_address", "text", (c) => c.notNull())
    .addColumn("attempted_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sign_in_failures_login").on("sign_in_failures").columns(["login", "attempted_at"]).execute();
  await db.schema
    .createIndex("sign_in_failures_address")
    .on("sign_in_failures")
    .columns(["client_address", "attempted_at"])
    .execute();

  await db.schema
    .createTable("meetings")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("held_at", "text", (c) => c.notNull())
    .addColumn("chair_person_id", "text", (c) => c.references("people.id"))
    .addColumn("place", "text")
    .addColumn("protocol_number", "text", (c) => c.unique())
    .addColumn("source_reference", "text")
    .addColumn("summary", "text")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("published_at", "text")
    .addColumn("edited_after_publish_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("meetings_held_at").on("meetings").columns(["held_at"]).execute();
  await db.schema.createIndex("meetings_status_held_at").on("meetings").columns(["status", "held_at"]).execute();
  await db.schema.createIndex("meetings_chair").on("meetings").columns(["chair_person_id"]).execute();

  await db.schema
    .createTable("agenda_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_items_meeting").on("agenda_items").columns(["meeting_id", "sort_order"]).execute();

  await db.schema
    .createTable("speakers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id").onDelete("cascade"))
    .addColumn("person_id", "text", (c) => c.notNull().references("people.id"))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    // Position and organization as at this meeting: positions change, the minutes do not.
    .addColumn("position", "text")
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("agenda_item_id", "text", (c) => c.references("agenda_items.id"))
    .addColumn("summary", "text")
    .execute();
  await db.schema.createIndex("speakers_meeting").on("speakers").columns(["meeting_id", "sort_order"]).execute();
  await db.schema.createIndex("speakers_person").on("speakers").columns(["person_id"]).execute();

  await db.schema
    .createTable("instructions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("meeting_id", "text", (c) => c.notNull().references("meetings.id"))
    .addColumn("agenda_item_id", "text", (c) => c.references("agenda_items.id"))
    .addColumn("number", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("issued_by_person_id", "text", (c) => c.references("people.id"))
    .addColumn("deadline", "text")
    .addColumn("deadline_note", "text")
    .addColumn("special_control", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("instructions_meeting_number", ["meeting_id", "number"])
    .execute();
  await db.schema.createIndex("instructions_deadline").on("instructions").columns(["deadline"]).execute();

  await db.schema
    .createTable("instruction_targets")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("instruction_id", "text", (c) => c.notNull().references("instructions.id").onDelete("cascade"))
    .addColumn("sort_order", "integer", (c) => c.notNull())
    .addColumn("indicator", "text", (c) => c.notNull())
    .addColumn("unit", "text")
    .addColumn("baseline_value", "double precision")
    .addColumn("target_value", "double precision")
    .execute();
  await db.schema
    .createIndex("instruction_targets_instruction")
    .on("instruction_targets")
    .columns(["instruction_id", "sort_order"])
    .execute();

  await db.schema
    .createTable("assignments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("instruction_id", "text", (c) => c.notNull().references("instructions.id"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("assigned"))
    // The deadline in force; the one first set stays beside it, and every move is an event.
    .addColumn("deadline", "text")
    .addColumn("initial_deadline", "text")
    .addColumn("percent_complete", "integer")
    .addColumn("last_report_at", "text")
    .addColumn("reported_at", "text")
    .addColumn("completed_at", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("assignments_instruction_organization", ["instruction_id", "organization_id"])
    .execute();
  await db.schema
    .createIndex("assignments_organization_status_deadline")
    .on("assignments")
    .columns(["organization_id", "status", "deadline"])
    .execute();
  await db.schema.createIndex("assignments_status_deadline").on("assignments").columns(["status", "deadline"]).execute();

  // Reports and events: append-only. A correction is a new event.
  await db.schema
    .createTable("assignment_events")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignments.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("author_user_id", "text", (c) => c.references("users.id"))
    .addColumn("author_organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("body", "text")
    .addColumn("percent_complete", "integer")
    .addColumn("from_status", "text")
    .addColumn("to_status", "text")
    .addColumn("from_deadline", "text")
    .addColumn("to_deadline", "text")
    .addColumn("requested_deadline", "text")
    .addColumn("responds_to_event_id", "text", (c) => c.references("assignment_events.id"))
    .addColumn("idempotency_key", "text", (c) => c.unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("assignment_events_assignment")
    .on("assignment_events")
    .columns(["assignment_id", "created_at"])
    .execute();
  await db.schema.createIndex("assignment_events_kind_created").on("assignment_events").columns(["kind", "created_at"]).execute();

  await db.schema
    .createTable("event_target_values")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("event_id", "text", (c) => c.notNull().references("assignment_events.id"))
    .addColumn("target_id", "text", (c) => c.notNull().references("instruction_targets.id"))
    .addColumn("actual_value", "double precision", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_target_values_event").on("event_target_values").columns(["event_id"]).execute();

  await db.schema
    .createTable("files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("assignment_id", "text", (c) => c.notNull().references("assignments.id"))
    .addColumn("event_id", "text", (c) => c.references("assignment_events.id"))
    .addColumn("original_name", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size_bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_path", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.references("users.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("files_assignment").on("files").columns(["assignment_id"]).execute();
  await db.schema.createIndex("files_event").on("files").columns(["event_id"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("assignment_id", "text", (c) => c.references("assignments.id"))
    .addColumn("instruction_id", "text", (c) => c.references("instructions.id"))
    .addColumn("event_id", "text", (c) => c.references("assignment_events.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .execute();
  await db.schema.createIndex("notifications_user_unread").on("notifications").columns(["user_id", "read_at", "created_at"]).execute();

  // Every write in the system, append-only and hash-chained: hash = SHA-256(previous hash + this row's content).
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("seq", "integer", (c) => c.notNull().unique())
    .addColumn("occurred_at", "text", (c) => c.notNull())
    .addColumn("actor_user_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity_type", "entity_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_log",
    "notifications",
    "files",
    "event_target_values",
    "assignment_events",
    "assignments",
    "instruction_targets",
    "instructions",
    "speakers",
    "agenda_items",
    "meetings",
    "sign_in_failures",
    "sessions",
    "users",
    "people",
    "organizations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
