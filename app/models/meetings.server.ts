import { sql } from "kysely";
import { addDays, almatyWallClockToIso, isoToAlmatyWallClock } from "../domain/calendar";
import { compareInstructionNumbers } from "../domain/instructions";
import { organizationName } from "../domain/organizations";
import { scopeOf, type Actor } from "../domain/permissions";
import { likePattern, meetingSearchText } from "../domain/text";
import type { Language, MessageKey } from "../i18n";
import type { MeetingFilters, MeetingInput } from "../schemas/meetings";
import type { DB } from "../utils/db.server";
import type { Meeting } from "../utils/db-schema";
import { newId, timestamp } from "../utils/ids";
import { isUniqueViolation } from "../utils/sql-dialect";
import { recordAudit } from "./audit.server";
import { notifyOrganization } from "./notifications.server";

export const MEETINGS_PAGE_SIZE = 20;

export type WriteResult<T = object> =
  | ({ ok: true } & T)
  | { ok: false; errors: Record<string, MessageKey> }
  | { ok: false; conflict: true }
  | { ok: false; notFound: true };

/**
 * The meetings an actor may read, as a query: visibility is part of the `where`, so a forgotten check
 * returns nothing rather than someone else's minutes. An assignee sees published meetings that gave their
 * organization an instruction.
 */
export function visibleMeetings(db: DB, actor: Actor) {
  const scope = scopeOf(actor, "meetings.read");
  let query = db.selectFrom("meetings");
  if (scope === "none") return query.where(sql<boolean>`1 = 0`);
  if (scope === "own_organization") {
    query = query
      .where("meetings.status", "=", "published")
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("instructions")
            .innerJoin("assignments", "assignments.instruction_id", "instructions.id")
            .select(sql`1`.as("one"))
            .whereRef("instructions.meeting_id", "=", "meetings.id")
            .where("assignments.organization_id", "=", actor.organizationId ?? ""),
        ),
      );
  }
  return query;
}

export async function listMeetings(db: DB, actor: Actor, filters: MeetingFilters) {
  let query = visibleMeetings(db, actor);
  if (filters.kind) query = query.where("meetings.kind", "=", filters.kind);
  if (filters.status) query = query.where("meetings.status", "=", filters.status);
  if (filters.chair) query = query.where("meetings.chair_person_id", "=", filters.chair);
  if (filters.from) query = query.where("meetings.held_at", ">=", almatyWallClockToIso(filters.from, "00:00"));
  if (filters.to) query = query.where("meetings.held_at", "<", almatyWallClockToIso(addDays(filters.to, 1), "00:00"));
  if (filters.q) query = query.where(sql<boolean>`meetings.search_text like ${likePattern(filters.q)} escape '\\'`);

  const [rows, total] = await Promise.all([
    query
      .leftJoin("people", "people.id", "meetings.chair_person_id")
      .select([
        "meetings.id",
        "meetings.kind",
        "meetings.title",
        "meetings.held_at",
        "meetings.protocol_number",
        "meetings.status",
        "meetings.edited_after_publish_at",
        "people.full_name as chair_name",
        (eb) =>
          eb
            .selectFrom("instructions")
            .select(sql<number>`count(*)`.as("c"))
            .whereRef("instructions.meeting_id", "=", "meetings.id")
            .as("instruction_count"),
      ])
      .orderBy("meetings.held_at", "desc")
      .orderBy("meetings.id", "desc")
      .limit(MEETINGS_PAGE_SIZE)
      .offset((filters.page - 1) * MEETINGS_PAGE_SIZE)
      .execute(),
    query.select(sql<number>`count(*)`.as("c")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((row) => ({ ...row, instruction_count: Number(row.instruction_count) })), total: Number(total.c) };
}

/** The people who have chaired a meeting, for the list's filter. */
export async function listChairs(db: DB) {
  return db
    .selectFrom("people")
    .select(["people.id", "people.full_name"])
    .where((eb) => eb.exists(eb.selectFrom("meetings").select(sql`1`.as("one")).whereRef("meetings.chair_person_id", "=", "people.id")))
    .orderBy("people.full_name")
    .execute();
}

export async function getMeetingForActor(db: DB, actor: Actor, meetingId: string): Promise<Meeting | null> {
  const meeting = await visibleMeetings(db, actor).selectAll("meetings").where("meetings.id", "=", meetingId).executeTakeFirst();
  return meeting ?? null;
}

/**
 * The minutes as a reader sees them: the meeting, its chair, agenda, speakers with what they reported,
 * and the instructions with targets and each assignment's live status. An assignee gets only the
 * instructions addressed to their organization.
 */
export async function getMinutes(db: DB, actor: Actor, meetingId: string, language: Language = "kk") {
  const meeting = await visibleMeetings(db, actor)
    .leftJoin("people as chair", "chair.id", "meetings.chair_person_id")
    .leftJoin("users as author", "author.id", "meetings.created_by")
    .selectAll("meetings")
    .select(["chair.full_name as chair_name", "chair.position as chair_position", "author.display_name as created_by_name"])
    .where("meetings.id", "=", meetingId)
    .executeTakeFirst();
  if (!meeting) return null;

  const ownOnly = scopeOf(actor, "instructions.read") === "own_organization";
  let instructionQuery = db
    .selectFrom("instructions")
    .leftJoin("people as issuer", "issuer.id", "instructions.issued_by_person_id")
    .leftJoin("agenda_items", "agenda_items.id", "instructions.agenda_item_id")
    .selectAll("instructions")
    .select(["issuer.full_name as issued_by_name", "agenda_items.title as agenda_item_title"])
    .where("instructions.meeting_id", "=", meetingId);
  if (ownOnly) {
    instructionQuery = instructionQuery.where((eb) =>
      eb.exists(
        eb
          .selectFrom("assignments")
          .select(sql`1`.as("one"))
          .whereRef("assignments.instruction_id", "=", "instructions.id")
          .where("assignments.organization_id", "=", actor.organizationId ?? ""),
      ),
    );
  }

  const [agendaItems, speakers, instructions] = await Promise.all([
    db.selectFrom("agenda_items").selectAll().where("meeting_id", "=", meetingId).orderBy("sort_order").execute(),
    db
      .selectFrom("speakers")
      .innerJoin("people", "people.id", "speakers.person_id")
      .leftJoin("organizations", "organizations.id", "speakers.organization_id")
      .leftJoin("agenda_items", "agenda_items.id", "speakers.agenda_item_id")
      .select([
        "speakers.id",
        "speakers.sort_order",
        "speakers.position",
        "speakers.summary",
        "speakers.person_id",
        "speakers.organization_id",
        "speakers.agenda_item_id",
        "people.full_name",
        "organizations.name_kk as organization_name_kk",
        "organizations.name_ru as organization_name_ru",
        "organizations.name_en as organization_name_en",
        "agenda_items.title as agenda_item_title",
      ])
      .where("speakers.meeting_id", "=", meetingId)
      .orderBy("speakers.sort_order")
      .execute(),
    instructionQuery.execute(),
  ]);

  const instructionIds = instructions.map((i) => i.id);
  const [targets, assignments] = instructionIds.length
    ? await Promise.all([
        db.selectFrom("instruction_targets").selectAll().where("instruction_id", "in", instructionIds).orderBy("sort_order").execute(),
        db
          .selectFrom("assignments")
          .innerJoin("organizations", "organizations.id", "assignments.organization_id")
          .select([
            "assignments.id",
            "assignments.instruction_id",
            "assignments.organization_id",
            "assignments.role",
            "assignments.status",
            "assignments.deadline",
            "assignments.percent_complete",
            "assignments.last_report_at",
            "organizations.kind as organization_kind",
            "organizations.name_kk as organization_name_kk",
            "organizations.name_ru as organization_name_ru",
            "organizations.name_en as organization_name_en",
          ])
          .where("assignments.instruction_id", "in", instructionIds)
          .execute(),
      ])
    : [[], []];

  const roleOrder = (role: string) => (role === "lead" ? 0 : 1);
  const collator = new Intl.Collator(language, { sensitivity: "base" });
  const nameOf = (a: { organization_name_kk: string; organization_name_ru: string; organization_name_en: string }) => ({
    name_kk: a.organization_name_kk,
    name_ru: a.organization_name_ru,
    name_en: a.organization_name_en,
  });
  return {
    meeting: { ...meeting, ...isoToAlmatyWallClockFields(meeting.held_at) },
    agendaItems,
    speakers,
    instructions: instructions
      .sort((a, b) => compareInstructionNumbers(a.number, b.number))
      .map((instruction) => ({
        ...instruction,
        targets: targets.filter((t) => t.instruction_id === instruction.id),
        assignments: assignments
          .filter((a) => a.instruction_id === instruction.id)
          .sort(
            (a, b) =>
              roleOrder(a.role) - roleOrder(b.role) ||
              collator.compare(organizationName(nameOf(a), language), organizationName(nameOf(b), language)),
          ),
      })),
  };
}
export type Minutes = NonNullable<Awaited<ReturnType<typeof getMinutes>>>;

function isoToAlmatyWallClockFields(heldAt: string) {
  const { date, time } = isoToAlmatyWallClock(heldAt);
  return { held_date: date, held_time: time };
}

/** The meetings row for a form's input (also used by the import workflow). */
export function meetingValues(input: MeetingInput) {
  const values = {
    kind: input.kind,
    title: input.title,
    held_at: almatyWallClockToIso(input.heldDate, input.heldTime),
    chair_person_id: input.chairPersonId ?? null,
    place: input.place ?? null,
    protocol_number: input.protocolNumber ?? null,
    source_reference: input.sourceReference ?? null,
    summary: input.summary ?? null,
  };
  return { ...values, search_text: meetingSearchText(values) };
}

async function checkMeetingReferences(db: DB, input: MeetingInput, meetingId: string | null) {
  const errors: Record<string, MessageKey> = {};
  if (input.chairPersonId) {
    const chair = await db.selectFrom("people").select("id").where("id", "=", input.chairPersonId).executeTakeFirst();
    if (!chair) errors.chairPersonId = "validation.unknownPerson";
  }
  if (input.protocolNumber) {
    let query = db.selectFrom("meetings").select("id").where("protocol_number", "=", input.protocolNumber);
    if (meetingId) query = query.where("id", "!=", meetingId);
    if (await query.executeTakeFirst()) errors.protocolNumber = "meetings.error.protocolTaken";
  }
  return errors;
}

export async function createMeeting(db: DB, actor: Actor, input: MeetingInput): Promise<WriteResult<{ meetingId: string }>> {
  try {
    return await db.transaction().execute(async (trx) => {
      const errors = await checkMeetingReferences(trx, input, null);
      if (Object.keys(errors).length) return { ok: false as const, errors };
      const now = timestamp();
      const row = {
        id: newId(),
        ...meetingValues(input),
        status: "draft",
        version: 1,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto("meetings").values(row).execute();
      await recordAudit(trx, { actorUserId: actor.id, action: "meeting.create", entityType: "meeting", entityId: row.id, after: row });
      return { ok: true as const, meetingId: row.id };
    });
  } catch (error) {
    // Two secretaries taking the same protocol number at once: the index decides, the loser is told why.
    if (isUniqueViolation(error)) return { ok: false, errors: { protocolNumber: "meetings.error.protocolTaken" } };
    throw error;
  }
}

/** Marks a change to a meeting (or anything in it): bumps its version, and flags edits after publication. */
export async function touchMeeting(db: DB, meetingId: string, now = timestamp()) {
  const meeting = await db.selectFrom("meetings").select(["status"]).where("id", "=", meetingId).executeTakeFirstOrThrow();
  await db
    .updateTable("meetings")
    .set((eb) => ({
      version: eb("version", "+", 1),
      updated_at: now,
      ...(meeting.status === "published" ? { edited_after_publish_at: now } : {}),
    }))
    .where("id", "=", meetingId)
    .execute();
}

export async function updateMeeting(
  db: DB,
  actor: Actor,
  meetingId: string,
  expectedVersion: number,
  input: MeetingInput,
): Promise<WriteResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirst();
      if (!before) return { ok: false as const, notFound: true as const };
      if (before.version !== expectedVersion) return { ok: false as const, conflict: true as const };
      const errors = await checkMeetingReferences(trx, input, meetingId);
      if (Object.keys(errors).length) return { ok: false as const, errors };
      const now = timestamp();
      const changes = {
        ...meetingValues(input),
        version: before.version + 1,
        updated_at: now,
        ...(before.status === "published" ? { edited_after_publish_at: now } : {}),
      };
      // The version in the where makes the check and the write one step, even across processes.
      const result = await trx
        .updateTable("meetings")
        .set(changes)
        .where("id", "=", meetingId)
        .where("version", "=", expectedVersion)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return { ok: false as const, conflict: true as const };
      await recordAudit(trx, {
        actorUserId: actor.id,
        action: before.status === "published" ? "meeting.edit_published" : "meeting.update",
        entityType: "meeting",
        entityId: meetingId,
        before,
        after: { ...before, ...changes },
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { protocolNumber: "meetings.error.protocolTaken" } };
    throw error;
  }
}

/** What stops a draft from being published, as message keys; empty when it is ready. */
export async function publicationProblems(db: DB, meetingId: string): Promise<MessageKey[]> {
  const problems: MessageKey[] = [];
  const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirstOrThrow();
  if (!meeting.chair_person_id) problems.push("meetings.publish.needsChair");
  if (!meeting.protocol_number) problems.push("meetings.publish.needsProtocolNumber");
  const instructions = await db
    .selectFrom("instructions")
    .select([
      "instructions.id",
      (eb) =>
        eb
          .selectFrom("assignments")
          .select(sql<number>`count(*)`.as("c"))
          .whereRef("assignments.instruction_id", "=", "instructions.id")
          .where("assignments.role", "=", "lead")
          .as("leads"),
    ])
    .where("meeting_id", "=", meetingId)
    .execute();
  if (instructions.length === 0) problems.push("meetings.publish.needsInstruction");
  if (instructions.some((i) => Number(i.leads) === 0)) problems.push("meetings.publish.needsLead");
  return problems;
}

/**
 * Publishes a draft: the minutes become visible to the assignees, and each assignment starts its
 * history with an "assigned" event.
 */
export async function publishMeeting(
  db: DB,
  actor: Actor,
  meetingId: string,
  expectedVersion: number,
): Promise<WriteResult | { ok: false; problems: MessageKey[] }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirst();
    if (!before) return { ok: false as const, notFound: true as const };
    if (before.version !== expectedVersion || before.status !== "draft") return { ok: false as const, conflict: true as const };
    const problems = await publicationProblems(trx, meetingId);
    if (problems.length) return { ok: false as const, problems };
    const now = timestamp();
    await trx
      .updateTable("meetings")
      .set({ status: "published", published_at: now, version: before.version + 1, updated_at: now })
      .where("id", "=", meetingId)
      .execute();
    const assignments = await trx
      .selectFrom("assignments")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .select(["assignments.id", "assignments.deadline", "assignments.organization_id", "assignments.instruction_id"])
      .where("instructions.meeting_id", "=", meetingId)
      .execute();
    for (const assignment of assignments) {
      await notifyOrganization(trx, assignment.organization_id, "assigned", { assignmentId: assignment.id, instructionId: assignment.instruction_id, eventId: null });
      await trx
        .insertInto("assignment_events")
        .values({
          id: newId(),
          assignment_id: assignment.id,
          kind: "assigned",
          author_user_id: actor.id,
          author_organization_id: null,
          to_status: "assigned",
          to_deadline: assignment.deadline,
          created_at: now,
        })
        .execute();
    }
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: "meeting.publish",
      entityType: "meeting",
      entityId: meetingId,
      before: { status: before.status, version: before.version },
      after: { status: "published", published_at: now, version: before.version + 1, assignments: assignments.length },
    });
    return { ok: true as const };
  });
}

/** Only a draft can be deleted; published minutes are an official record. */
export async function deleteDraftMeeting(db: DB, actor: Actor, meetingId: string): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirst();
    if (!before) return { ok: false as const, notFound: true as const };
    if (before.status !== "draft") return { ok: false as const, errors: { form: "meetings.error.publishedCannotBeDeleted" } as Record<string, MessageKey> };
    const instructionIds = (await trx.selectFrom("instructions").select("id").where("meeting_id", "=", meetingId).execute()).map((i) => i.id);
    if (instructionIds.length) {
      await trx.deleteFrom("assignments").where("instruction_id", "in", instructionIds).execute();
      await trx.deleteFrom("instruction_targets").where("instruction_id", "in", instructionIds).execute();
      await trx.deleteFrom("instructions").where("id", "in", instructionIds).execute();
    }
    await trx.deleteFrom("speakers").where("meeting_id", "=", meetingId).execute();
    await trx.deleteFrom("agenda_items").where("meeting_id", "=", meetingId).execute();
    await trx.deleteFrom("meetings").where("id", "=", meetingId).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: "meeting.delete_draft", entityType: "meeting", entityId: meetingId, before });
    return { ok: true as const };
  });
}

// Agenda items: ordered titles.

export async function addAgendaItem(db: DB, actor: Actor, meetingId: string, title: string) {
  return db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom("agenda_items")
      .select(sql<number>`coalesce(max(sort_order), 0)`.as("max"))
      .where("meeting_id", "=", meetingId)
      .executeTakeFirstOrThrow();
    const row = { id: newId(), meeting_id: meetingId, sort_order: Number(last.max) + 1, title };
    await trx.insertInto("agenda_items").values(row).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "agenda_item.create", entityType: "agenda_item", entityId: row.id, after: row });
  });
}

export async function renameAgendaItem(db: DB, actor: Actor, meetingId: string, itemId: string, title: string) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("agenda_items").selectAll().where("id", "=", itemId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!before) return false;
    await trx.updateTable("agenda_items").set({ title }).where("id", "=", itemId).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "agenda_item.update", entityType: "agenda_item", entityId: itemId, before, after: { ...before, title } });
    return true;
  });
}

export async function deleteAgendaItem(db: DB, actor: Actor, meetingId: string, itemId: string) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("agenda_items").selectAll().where("id", "=", itemId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!before) return false;
    // Speakers and instructions keep their place in the minutes, just without the item.
    await trx.updateTable("speakers").set({ agenda_item_id: null }).where("agenda_item_id", "=", itemId).execute();
    await trx.updateTable("instructions").set({ agenda_item_id: null }).where("agenda_item_id", "=", itemId).execute();
    await trx.deleteFrom("agenda_items").where("id", "=", itemId).execute();
    await renumber(trx, "agenda_items", meetingId);
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "agenda_item.delete", entityType: "agenda_item", entityId: itemId, before });
    return true;
  });
}

/** Swaps an item with its neighbour above or below. */
export async function moveInOrder(
  db: DB,
  actor: Actor,
  table: "agenda_items" | "speakers",
  meetingId: string,
  id: string,
  direction: "up" | "down",
) {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom(table).select(["id", "sort_order"]).where("meeting_id", "=", meetingId).orderBy("sort_order").execute();
    const index = rows.findIndex((row) => row.id === id);
    const other = direction === "up" ? index - 1 : index + 1;
    if (index < 0 || other < 0 || other >= rows.length) return false;
    await trx.updateTable(table).set({ sort_order: rows[other].sort_order }).where("id", "=", rows[index].id).execute();
    await trx.updateTable(table).set({ sort_order: rows[index].sort_order }).where("id", "=", rows[other].id).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: `${table === "speakers" ? "speaker" : "agenda_item"}.move`,
      entityType: table === "speakers" ? "speaker" : "agenda_item",
      entityId: id,
      before: { sort_order: rows[index].sort_order },
      after: { sort_order: rows[other].sort_order },
    });
    return true;
  });
}

export async function renumber(db: DB, table: "agenda_items" | "speakers", meetingId: string) {
  const rows = await db.selectFrom(table).select(["id", "sort_order"]).where("meeting_id", "=", meetingId).orderBy("sort_order").execute();
  for (const [index, row] of rows.entries()) {
    if (row.sort_order !== index + 1) await db.updateTable(table).set({ sort_order: index + 1 }).where("id", "=", row.id).execute();
  }
}
