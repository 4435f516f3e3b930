import { sql } from "kysely";
import { isoToAlmatyWallClock } from "../domain/calendar";
import { isDeadlineBeforeMeeting, resolveDeadline, suggestNextNumber } from "../domain/instructions";
import type { Actor } from "../domain/permissions";
import { instructionSearchText } from "../domain/text";
import type { MessageKey } from "../i18n";
import type { AssignmentInput, InstructionInput, TargetInput } from "../schemas/meetings";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { recordAudit } from "./audit.server";
import { notifyOrganization } from "./notifications.server";
import { touchMeeting } from "./meetings.server";

type Errors = Record<string, MessageKey>;
export type InstructionWrite<T = object> = ({ ok: true } & T) | { ok: false; errors: Errors } | { ok: false; notFound: true };

async function meetingOf(db: DB, meetingId: string) {
  const meeting = await db.selectFrom("meetings").select(["id", "held_at", "status", "chair_person_id"]).where("id", "=", meetingId).executeTakeFirst();
  return meeting ? { ...meeting, date: isoToAlmatyWallClock(meeting.held_at).date } : null;
}

export async function suggestInstructionNumber(db: DB, meetingId: string): Promise<string> {
  const rows = await db.selectFrom("instructions").select("number").where("meeting_id", "=", meetingId).execute();
  return suggestNextNumber(rows.map((row) => row.number));
}

export async function getInstructionForEditing(db: DB, meetingId: string, instructionId: string) {
  const instruction = await db
    .selectFrom("instructions")
    .selectAll()
    .where("id", "=", instructionId)
    .where("meeting_id", "=", meetingId)
    .executeTakeFirst();
  if (!instruction) return null;
  const [targets, assignments] = await Promise.all([
    db.selectFrom("instruction_targets").selectAll().where("instruction_id", "=", instructionId).orderBy("sort_order").execute(),
    db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select([
        "assignments.id",
        "assignments.role",
        "assignments.status",
        "assignments.deadline",
        "assignments.organization_id",
        "organizations.kind as organization_kind",
        "organizations.name_kk as organization_name_kk",
        "organizations.name_ru as organization_name_ru",
        "organizations.name_en as organization_name_en",
      ])
      .where("assignments.instruction_id", "=", instructionId)
      .execute(),
  ]);
  return { instruction, targets, assignments };
}

async function checkInstruction(
  db: DB,
  meeting: { id: string; date: string },
  input: InstructionInput,
  instructionId: string | null,
): Promise<{ errors: Errors; deadline: string | null }> {
  const errors: Errors = {};
  const deadline = resolveDeadline(input.deadlineChoice, input.deadline, meeting.date);
  if (isDeadlineBeforeMeeting(deadline, meeting.date)) errors.deadline = "instructions.error.deadlineBeforeMeeting";
  let sameNumber = db.selectFrom("instructions").select("id").where("meeting_id", "=", meeting.id).where("number", "=", input.number);
  if (instructionId) sameNumber = sameNumber.where("id", "!=", instructionId);
  if (await sameNumber.executeTakeFirst()) errors.number = "instructions.error.numberTaken";
  if (input.issuedByPersonId && !(await db.selectFrom("people").select("id").where("id", "=", input.issuedByPersonId).executeTakeFirst())) {
    errors.issuedByPersonId = "validation.unknownPerson";
  }
  if (
    input.agendaItemId &&
    !(await db.selectFrom("agenda_items").select("id").where("id", "=", input.agendaItemId).where("meeting_id", "=", meeting.id).executeTakeFirst())
  ) {
    errors.agendaItemId = "validation.unknown";
  }
  return { errors, deadline };
}

export async function createInstruction(
  db: DB,
  actor: Actor,
  meetingId: string,
  input: InstructionInput,
): Promise<InstructionWrite<{ instructionId: string }>> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    if (!meeting) return { ok: false as const, notFound: true as const };
    const { errors, deadline } = await checkInstruction(trx, meeting, input, null);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const now = timestamp();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      agenda_item_id: input.agendaItemId ?? null,
      number: input.number,
      text: input.text,
      // The chair issues the instructions unless the form says otherwise.
      issued_by_person_id: input.issuedByPersonId ?? meeting.chair_person_id,
      deadline,
      deadline_note: input.deadlineNote ?? null,
      special_control: input.specialControl ? 1 : 0,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto("instructions").values({ ...row, search_text: instructionSearchText(row) }).execute();
    await touchMeeting(trx, meetingId, now);
    await recordAudit(trx, { actorUserId: actor.id, action: "instruction.create", entityType: "instruction", entityId: row.id, after: row });
    return { ok: true as const, instructionId: row.id };
  });
}

export async function updateInstruction(
  db: DB,
  actor: Actor,
  meetingId: string,
  instructionId: string,
  input: InstructionInput,
): Promise<InstructionWrite> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    const before = await trx.selectFrom("instructions").selectAll().where("id", "=", instructionId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!meeting || !before) return { ok: false as const, notFound: true as const };
    const { errors, deadline } = await checkInstruction(trx, meeting, input, instructionId);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const now = timestamp();
    const changes = {
      agenda_item_id: input.agendaItemId ?? null,
      number: input.number,
      text: input.text,
      issued_by_person_id: input.issuedByPersonId ?? meeting.chair_person_id,
      deadline,
      deadline_note: input.deadlineNote ?? null,
      special_control: input.specialControl ? 1 : 0,
      version: before.version + 1,
      updated_at: now,
    };
    await trx.updateTable("instructions").set({ ...changes, search_text: instructionSearchText(changes) }).where("id", "=", instructionId).execute();
    // In a draft, assignments that followed the instruction's deadline follow it still. Once published,
    // an assignment's deadline moves only by a decided extension.
    if (meeting.status === "draft" && before.deadline !== deadline) {
      let following = trx.updateTable("assignments").set({ deadline, initial_deadline: deadline, updated_at: now }).where("instruction_id", "=", instructionId);
      following = before.deadline === null ? following.where("deadline", "is", null) : following.where("deadline", "=", before.deadline);
      await following.execute();
    }
    await touchMeeting(trx, meetingId, now);
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: meeting.status === "published" ? "instruction.edit_published" : "instruction.update",
      entityType: "instruction",
      entityId: instructionId,
      before,
      after: { ...before, ...changes },
    });
    return { ok: true as const };
  });
}

/** Instructions of a draft may be removed; a published instruction is withdrawn by cancelling its assignments. */
export async function deleteInstruction(db: DB, actor: Actor, meetingId: string, instructionId: string): Promise<InstructionWrite> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    const before = await trx.selectFrom("instructions").selectAll().where("id", "=", instructionId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!meeting || !before) return { ok: false as const, notFound: true as const };
    if (meeting.status !== "draft") return { ok: false as const, errors: { form: "instructions.error.publishedCannotBeDeleted" } as Record<string, MessageKey> };
    await trx.deleteFrom("assignments").where("instruction_id", "=", instructionId).execute();
    await trx.deleteFrom("instruction_targets").where("instruction_id", "=", instructionId).execute();
    await trx.deleteFrom("instructions").where("id", "=", instructionId).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "instruction.delete", entityType: "instruction", entityId: instructionId, before });
    return { ok: true as const };
  });
}

export async function addTarget(db: DB, actor: Actor, meetingId: string, instructionId: string, input: TargetInput): Promise<InstructionWrite> {
  return db.transaction().execute(async (trx) => {
    const instruction = await trx.selectFrom("instructions").select("id").where("id", "=", instructionId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!instruction) return { ok: false as const, notFound: true as const };
    const last = await trx
      .selectFrom("instruction_targets")
      .select(sql<number>`coalesce(max(sort_order), 0)`.as("max"))
      .where("instruction_id", "=", instructionId)
      .executeTakeFirstOrThrow();
    const row = {
      id: newId(),
      instruction_id: instructionId,
      sort_order: Number(last.max) + 1,
      indicator: input.indicator,
      unit: input.unit ?? null,
      baseline_value: input.baselineValue ?? null,
      target_value: input.targetValue ?? null,
    };
    await trx.insertInto("instruction_targets").values(row).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "target.create", entityType: "instruction_target", entityId: row.id, after: row });
    return { ok: true as const };
  });
}

export async function removeTarget(db: DB, actor: Actor, meetingId: string, instructionId: string, targetId: string): Promise<InstructionWrite> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("instruction_targets")
      .innerJoin("instructions", "instructions.id", "instruction_targets.instruction_id")
      .selectAll("instruction_targets")
      .where("instruction_targets.id", "=", targetId)
      .where("instructions.id", "=", instructionId)
      .where("instructions.meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!before) return { ok: false as const, notFound: true as const };
    const reported = await trx.selectFrom("event_target_values").select("id").where("target_id", "=", targetId).executeTakeFirst();
    if (reported) return { ok: false as const, errors: { form: "instructions.error.targetHasReports" } as Record<string, MessageKey> };
    await trx.deleteFrom("instruction_targets").where("id", "=", targetId).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "target.delete", entityType: "instruction_target", entityId: targetId, before });
    return { ok: true as const };
  });
}

/** One assignment row with its audit entry (and, in published minutes, its first event); inside a transaction. */
export async function insertAssignment(
  trx: DB,
  actor: Actor,
  meeting: { id: string; status: string },
  instruction: { id: string; deadline: string | null },
  organizationId: string,
  role: string,
  deadline: string | null,
) {
  const now = timestamp();
  const row = {
    id: newId(),
    instruction_id: instruction.id,
    organization_id: organizationId,
    role,
    status: "assigned",
    deadline,
    initial_deadline: deadline,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await trx.insertInto("assignments").values(row).execute();
  // Added to published minutes: the assignee's history starts now.
  if (meeting.status === "published") {
    await trx
      .insertInto("assignment_events")
      .values({ id: newId(), assignment_id: row.id, kind: "assigned", author_user_id: actor.id, to_status: "assigned", to_deadline: deadline, created_at: now })
      .execute();
    await notifyOrganization(trx, organizationId, "assigned", { assignmentId: row.id, instructionId: instruction.id, eventId: null });
  }
  await recordAudit(trx, { actorUserId: actor.id, action: "assignment.create", entityType: "assignment", entityId: row.id, after: row });
}

export async function addAssignment(
  db: DB,
  actor: Actor,
  meetingId: string,
  instructionId: string,
  input: AssignmentInput,
): Promise<InstructionWrite> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    const instruction = await trx.selectFrom("instructions").select(["id", "deadline"]).where("id", "=", instructionId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!meeting || !instruction) return { ok: false as const, notFound: true as const };
    const organization = await trx.selectFrom("organizations").select("id").where("id", "=", input.organizationId).where("is_active", "=", 1).executeTakeFirst();
    if (!organization) return { ok: false as const, errors: { organizationId: "validation.unknownOrganization" } as Record<string, MessageKey> };
    const existing = await trx.selectFrom("assignments").select("id").where("instruction_id", "=", instructionId).where("organization_id", "=", input.organizationId).executeTakeFirst();
    if (existing) return { ok: false as const, errors: { organizationId: "instructions.error.alreadyAssigned" } as Record<string, MessageKey> };
    const deadline = input.deadline ?? instruction.deadline;
    if (isDeadlineBeforeMeeting(deadline, meeting.date)) return { ok: false as const, errors: { deadline: "instructions.error.deadlineBeforeMeeting" } as Record<string, MessageKey> };
    await insertAssignment(trx, actor, meeting, instruction, input.organizationId, input.role, deadline);
    await touchMeeting(trx, meetingId);
    return { ok: true as const };
  });
}

/** The active regional-level akimats: the 17 regions' and the 3 cities' of republican significance. */
export function regionalAkimats(db: DB) {
  return db
    .selectFrom("organizations")
    .select("id")
    .where("is_active", "=", 1)
    .where((eb) => eb.or([eb("kind", "=", "regional_akimat"), eb.and([eb("kind", "=", "city_akimat"), eb("parent_id", "is", null)])]));
}

/** "To the akimats": one lead assignment per regional-level akimat (17 regions, 3 cities), each tracked apart. */
export async function assignAllRegionalAkimats(
  db: DB,
  actor: Actor,
  meetingId: string,
  instructionId: string,
): Promise<InstructionWrite<{ added: number }>> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    const instruction = await trx.selectFrom("instructions").select(["id", "deadline"]).where("id", "=", instructionId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!meeting || !instruction) return { ok: false as const, notFound: true as const };
    const akimats = await regionalAkimats(trx)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("assignments")
              .select(sql`1`.as("one"))
              .whereRef("assignments.organization_id", "=", "organizations.id")
              .where("assignments.instruction_id", "=", instructionId),
          ),
        ),
      )
      .execute();
    for (const akimat of akimats) {
      await insertAssignment(trx, actor, meeting, instruction, akimat.id, "lead", instruction.deadline);
    }
    if (akimats.length) await touchMeeting(trx, meetingId);
    return { ok: true as const, added: akimats.length };
  });
}

export async function removeAssignment(
  db: DB,
  actor: Actor,
  meetingId: string,
  instructionId: string,
  assignmentId: string,
): Promise<InstructionWrite> {
  return db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    const before = await trx
      .selectFrom("assignments")
      .selectAll()
      .where("id", "=", assignmentId)
      .where("instruction_id", "=", instructionId)
      .executeTakeFirst();
    if (!meeting || !before) return { ok: false as const, notFound: true as const };
    if (meeting.status !== "draft") return { ok: false as const, errors: { form: "instructions.error.assignmentPublished" } as Record<string, MessageKey> };
    await trx.deleteFrom("assignments").where("id", "=", assignmentId).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "assignment.delete", entityType: "assignment", entityId: assignmentId, before });
    return { ok: true as const };
  });
}
