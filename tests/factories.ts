import { sql, type Insertable } from "kysely";
import type {
  AgendaItemsTable,
  AssignmentEventsTable,
  AssignmentsTable,
  EventTargetValuesTable,
  InstructionTargetsTable,
  InstructionsTable,
  MeetingsTable,
  OrganizationsTable,
  PeopleTable,
  SpeakersTable,
  UsersTable,
} from "../app/utils/db-schema";
import type { DB } from "../app/utils/db.server";
import { instructionSearchText, meetingSearchText, organizationSearchText, personSearchText } from "../app/domain/text";
import { newId, timestamp } from "../app/utils/ids";
import { hashPassword } from "../app/utils/password.server";

// Builders for one row each, used by the demo seed and by tests. Each inserts with sensible defaults,
// lets the caller override any column, and returns the row as stored. `db` may be a transaction.

/** A short random suffix, so default codes and logins never collide between calls. */
function uniqueSuffix(): string {
  return newId().replace(/-/g, "").slice(-10);
}

/** Next 1-based position within a parent, for sort_order defaults. */
async function nextSortOrder(
  db: DB,
  table: "agenda_items" | "speakers" | "instruction_targets",
  parentColumn: "meeting_id" | "instruction_id",
  parentId: string,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(sort_order), 0)`.as("max"))
    .where(sql.ref(parentColumn), "=", parentId)
    .executeTakeFirstOrThrow();
  return Number(row.max) + 1;
}

type Overrides<T> = Partial<Insertable<T>>;

export async function createOrganization(db: DB, overrides: Overrides<OrganizationsTable> = {}) {
  const now = timestamp();
  const suffix = uniqueSuffix();
  const values: Insertable<OrganizationsTable> = {
    id: newId(),
    code: `org-${suffix}`,
    kind: "ministry",
    name_kk: `Сынақ ұйымы ${suffix}`,
    name_ru: `Тестовая организация ${suffix}`,
    name_en: `Test organization ${suffix}`,
    short_name_kk: null,
    short_name_ru: null,
    short_name_en: null,
    parent_id: null,
    is_active: 1,
    created_at: now,
    updated_at: overrides.created_at ?? now,
    ...overrides,
  };
  values.search_text = organizationSearchText(values);
  return db.insertInto("organizations").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createPerson(db: DB, overrides: Overrides<PeopleTable> = {}) {
  const now = timestamp();
  const values: Insertable<PeopleTable> = {
    id: newId(),
    full_name: "Сынақ Тұлғасы",
    position: null,
    organization_id: null,
    created_at: now,
    updated_at: overrides.created_at ?? now,
    ...overrides,
  };
  values.search_text = personSearchText(values);
  return db.insertInto("people").values(values).returningAll().executeTakeFirstOrThrow();
}

export type CreateUserOverrides = Partial<Omit<Insertable<UsersTable>, "password_hash">> & {
  /** Plain password, hashed here. */
  password?: string;
  /** A ready hash (skips hashing, e.g. hashed outside a transaction). Wins over `password`. */
  password_hash?: string;
};

export const DEFAULT_TEST_PASSWORD = "correct horse battery staple";

export async function createUser(db: DB, overrides: CreateUserOverrides = {}) {
  const { password = DEFAULT_TEST_PASSWORD, password_hash, ...columns } = overrides;
  const now = timestamp();
  const login = (columns.login ?? `user-${uniqueSuffix()}`).normalize("NFC").trim().toLowerCase();
  const values: Insertable<UsersTable> = {
    id: newId(),
    display_name: "Сынақ Пайдаланушы",
    role: "secretariat",
    organization_id: null,
    language: "kk",
    is_active: 1,
    created_at: now,
    updated_at: columns.created_at ?? now,
    ...columns,
    login,
    password_hash: password_hash ?? (await hashPassword(password)),
  };
  return db.insertInto("users").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createMeeting(db: DB, overrides: Overrides<MeetingsTable> = {}) {
  const now = timestamp();
  const values: Insertable<MeetingsTable> = {
    id: newId(),
    kind: "selector_meeting",
    title: "Үкіметтің селекторлық отырысы",
    held_at: now,
    chair_person_id: null,
    place: null,
    protocol_number: null,
    source_reference: null,
    summary: null,
    status: "draft",
    published_at: null,
    edited_after_publish_at: null,
    version: 1,
    created_by: null,
    created_at: now,
    updated_at: overrides.created_at ?? now,
    ...overrides,
  };
  values.search_text = meetingSearchText(values);
  return db.insertInto("meetings").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createAgendaItem(
  db: DB,
  overrides: Pick<Insertable<AgendaItemsTable>, "meeting_id"> & Overrides<AgendaItemsTable>,
) {
  const values: Insertable<AgendaItemsTable> = {
    id: newId(),
    title: "Күн тәртібіндегі мәселе",
    ...overrides,
    sort_order: overrides.sort_order ?? (await nextSortOrder(db, "agenda_items", "meeting_id", overrides.meeting_id)),
  };
  return db.insertInto("agenda_items").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createSpeaker(
  db: DB,
  overrides: Pick<Insertable<SpeakersTable>, "meeting_id" | "person_id"> & Overrides<SpeakersTable>,
) {
  const values: Insertable<SpeakersTable> = {
    id: newId(),
    position: null,
    organization_id: null,
    agenda_item_id: null,
    summary: null,
    ...overrides,
    sort_order: overrides.sort_order ?? (await nextSortOrder(db, "speakers", "meeting_id", overrides.meeting_id)),
  };
  return db.insertInto("speakers").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createInstruction(
  db: DB,
  overrides: Pick<Insertable<InstructionsTable>, "meeting_id"> & Overrides<InstructionsTable>,
) {
  const now = timestamp();
  let number = overrides.number;
  if (number === undefined) {
    const row = await db
      .selectFrom("instructions")
      .select(sql<number>`count(*)`.as("count"))
      .where("meeting_id", "=", overrides.meeting_id)
      .executeTakeFirstOrThrow();
    number = String(Number(row.count) + 1);
  }
  const values: Insertable<InstructionsTable> = {
    id: newId(),
    agenda_item_id: null,
    text: "Тиісті шараларды қабылдау.",
    issued_by_person_id: null,
    deadline: null,
    deadline_note: null,
    special_control: 0,
    version: 1,
    created_at: now,
    updated_at: overrides.created_at ?? now,
    ...overrides,
    number,
  };
  values.search_text = instructionSearchText(values);
  return db.insertInto("instructions").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createTarget(
  db: DB,
  overrides: Pick<Insertable<InstructionTargetsTable>, "instruction_id"> & Overrides<InstructionTargetsTable>,
) {
  const values: Insertable<InstructionTargetsTable> = {
    id: newId(),
    indicator: "Көрсеткіш",
    unit: null,
    baseline_value: null,
    target_value: null,
    ...overrides,
    sort_order:
      overrides.sort_order ?? (await nextSortOrder(db, "instruction_targets", "instruction_id", overrides.instruction_id)),
  };
  return db.insertInto("instruction_targets").values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * One instruction × one organization. The deadline defaults to the instruction's, and the initial
 * deadline to the deadline, as when the secretariat first publishes it.
 */
export async function createAssignment(
  db: DB,
  overrides: Pick<Insertable<AssignmentsTable>, "instruction_id" | "organization_id"> & Overrides<AssignmentsTable>,
) {
  const now = timestamp();
  let deadline = overrides.deadline;
  if (deadline === undefined) {
    const instruction = await db
      .selectFrom("instructions")
      .select("deadline")
      .where("id", "=", overrides.instruction_id)
      .executeTakeFirst();
    deadline = instruction?.deadline ?? null;
  }
  const values: Insertable<AssignmentsTable> = {
    id: newId(),
    role: "lead",
    status: "assigned",
    percent_complete: null,
    last_report_at: null,
    reported_at: null,
    completed_at: null,
    version: 1,
    created_at: now,
    updated_at: overrides.created_at ?? now,
    ...overrides,
    deadline,
    initial_deadline: overrides.initial_deadline !== undefined ? overrides.initial_deadline : deadline,
  };
  return db.insertInto("assignments").values(values).returningAll().executeTakeFirstOrThrow();
}

/** Appends one event; it does not touch the assignment row (a workflow or the caller keeps that in step). */
export async function createAssignmentEvent(
  db: DB,
  overrides: Pick<Insertable<AssignmentEventsTable>, "assignment_id"> & Overrides<AssignmentEventsTable>,
) {
  const values: Insertable<AssignmentEventsTable> = {
    id: newId(),
    kind: "comment",
    author_user_id: null,
    author_organization_id: null,
    body: null,
    percent_complete: null,
    from_status: null,
    to_status: null,
    from_deadline: null,
    to_deadline: null,
    requested_deadline: null,
    responds_to_event_id: null,
    idempotency_key: null,
    created_at: timestamp(),
    ...overrides,
  };
  return db.insertInto("assignment_events").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function createEventTargetValue(
  db: DB,
  overrides: Pick<Insertable<EventTargetValuesTable>, "event_id" | "target_id" | "actual_value"> &
    Overrides<EventTargetValuesTable>,
) {
  const values: Insertable<EventTargetValuesTable> = { id: newId(), ...overrides };
  return db.insertInto("event_target_values").values(values).returningAll().executeTakeFirstOrThrow();
}
