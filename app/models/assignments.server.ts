import { sql } from "kysely";
import { almatyDate } from "../domain/calendar";
import { availableActions, decide, isAssignmentAction, mayTakeAction, OPEN_STATUSES, type AssignmentAction } from "../domain/lifecycle";
import { scopeOf, type Actor } from "../domain/permissions";
import type { MessageKey } from "../i18n";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { recordAudit } from "./audit.server";
import { notifyControllers, notifyOrganization } from "./notifications.server";

/** The event each action writes to the assignment's history. */
export const EVENT_KIND: Record<AssignmentAction, string> = {
  post_progress: "progress",
  submit_completion: "completion_report",
  request_extension: "extension_request",
  accept: "accepted",
  return: "returned",
  cancel: "cancelled",
  approve_extension: "extension_approved",
  reject_extension: "extension_rejected",
};

/**
 * Assignments an actor may see, as a query. An assignee sees only their organization's, and only from
 * published minutes; the rest see all. Visibility is in the `where`: a forgotten check finds nothing.
 */
export function visibleAssignments(db: DB, actor: Actor) {
  const scope = scopeOf(actor, "instructions.read");
  let query = db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id");
  if (scope === "none") return query.where(sql<boolean>`1 = 0`);
  if (scope === "own_organization") {
    query = query.where("assignments.organization_id", "=", actor.organizationId ?? "").where("meetings.status", "=", "published");
  }
  return query;
}

/**
 * The same visibility as `visibleAssignments`, for published minutes only, on the assignments table alone:
 * lists over a national-size history filter and order assignments first and join the details for one page.
 * Drafts are few, so leaving out their instructions is cheaper than joining every row to its meeting.
 */
export function visiblePublishedAssignments(db: DB, actor: Actor) {
  const scope = scopeOf(actor, "instructions.read");
  let query = db.selectFrom("assignments").where("assignments.instruction_id", "not in", instructionsOfDraftMeetings(db));
  if (scope === "none") return query.where(sql<boolean>`1 = 0`);
  if (scope === "own_organization") query = query.where("assignments.organization_id", "=", actor.organizationId ?? "");
  return query;
}

/** Meetings are draft or published; "= 'draft'" lets the status index find the few drafts. */
export function instructionsOfDraftMeetings(db: DB) {
  return db
    .selectFrom("instructions")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .where("meetings.status", "=", "draft")
    .select("instructions.id");
}

const assignmentColumns = [
  "assignments.id",
  "assignments.instruction_id",
  "assignments.organization_id",
  "assignments.role",
  "assignments.status",
  "assignments.deadline",
  "assignments.initial_deadline",
  "assignments.percent_complete",
  "assignments.last_report_at",
  "assignments.reported_at",
  "assignments.completed_at",
  "assignments.version",
  "instructions.number as instruction_number",
  "instructions.text as instruction_text",
  "instructions.deadline as instruction_deadline",
  "instructions.special_control",
  "meetings.id as meeting_id",
  "meetings.title as meeting_title",
  "meetings.protocol_number",
  "meetings.status as meeting_status",
  "meetings.held_at",
] as const;

/** The assignments this actor may see, as list and page rows: their columns and their organization's names. */
function assignmentRows(db: DB, actor: Actor) {
  return visibleAssignments(db, actor)
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .select([
      ...assignmentColumns,
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ]);
}

/** Extension requests of an assignment still waiting for a decision, the latest first. */
function pendingExtensions(db: DB, assignmentId: string) {
  return db
    .selectFrom("assignment_events as request")
    .where("request.assignment_id", "=", assignmentId)
    .where("request.kind", "=", "extension_request")
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("assignment_events as decision")
            .select(sql`1`.as("one"))
            .whereRef("decision.responds_to_event_id", "=", "request.id"),
        ),
      ),
    )
    .orderBy("request.created_at", "desc");
}

/**
 * Everything a lifecycle decision needs, in one read (each round trip to PostgreSQL counts): the assignment if the
 * actor may see it, an event already made with this form's key, and an extension request waiting for a decision.
 */
function assignmentForAction(db: DB, actor: Actor, assignmentId: string, idempotencyKey: string) {
  return visibleAssignments(db, actor)
    .leftJoin("assignment_events as repeated", (join) => join.on("repeated.idempotency_key", "=", idempotencyKey))
    .select([...assignmentColumns, "repeated.id as repeated_id", "repeated.assignment_id as repeated_assignment_id", "repeated.author_user_id as repeated_author_id"])
    .select(() => [
      pendingExtensions(db, assignmentId).select("request.id").limit(1).as("pending_id"),
      pendingExtensions(db, assignmentId).select("request.requested_deadline").limit(1).as("pending_requested_deadline"),
    ])
    .where("assignments.id", "=", assignmentId)
    .executeTakeFirst();
}

/** The extension request still waiting for a decision, if any. */
export async function getPendingExtension(db: DB, assignmentId: string) {
  const pending = await pendingExtensions(db, assignmentId).select(["request.id", "request.requested_deadline", "request.body", "request.created_at"]).executeTakeFirst();
  return pending ?? null;
}

/** Events a page shows unless the whole history is asked for (?history=all): busy assignments gather hundreds. */
export const RECENT_TIMELINE_EVENTS = 30;

/** Whether the page asked for the whole history rather than the latest RECENT_TIMELINE_EVENTS. */
export const wantsWholeHistory = (request: Request) => new URL(request.url).searchParams.get("history") === "all";

/**
 * The events of these assignments, oldest first, with authors, files and reported values: all of them, or the
 * latest `latest` (read as such from the index, not sliced from the whole history). `total` counts them all.
 */
export async function getTimeline(db: DB, assignmentIds: string[], options: { latest?: number } = {}) {
  if (assignmentIds.length === 0) return { events: [], total: 0, assigned: 0 };
  const { latest } = options;
  let query = db
    .selectFrom("assignment_events")
    // Whose assignment each event is on, the caller has: an instruction's page names its assignees already.
    .leftJoin("users as author", "author.id", "assignment_events.author_user_id")
    .leftJoin("organizations as author_org", "author_org.id", "assignment_events.author_organization_id")
    .select([
      "assignment_events.id",
      "assignment_events.assignment_id",
      "assignment_events.kind",
      "assignment_events.body",
      "assignment_events.percent_complete",
      "assignment_events.from_status",
      "assignment_events.to_status",
      "assignment_events.from_deadline",
      "assignment_events.to_deadline",
      "assignment_events.requested_deadline",
      "assignment_events.created_at",
      "author.display_name as author_name",
      "author.role as author_role",
      "author_org.name_kk as author_organization_name_kk",
      "author_org.name_ru as author_organization_name_ru",
      "author_org.name_en as author_organization_name_en",
    ])
    .where("assignment_events.assignment_id", "in", assignmentIds);
  // The latest: their ids from the (assignment, time) index first, then the joins for those rows only.
  query =
    latest === undefined
      ? query.orderBy("assignment_events.created_at", "asc").orderBy("assignment_events.id", "asc")
      : query
          .where(
            "assignment_events.id",
            "in",
            db
              .selectFrom("assignment_events")
              .select("id")
              .where("assignment_id", "in", assignmentIds)
              .orderBy("created_at", "desc")
              .orderBy("id", "desc")
              .limit(latest),
          )
          .orderBy("assignment_events.created_at", "desc")
          .orderBy("assignment_events.id", "desc");
  const rows = await query.execute();
  // Fewer than asked for is the whole history: only a full page needs counting. The "assigned" events are counted
  // too, because the page folds them into one line that must name every organization, not those still in view.
  const counted =
    latest !== undefined && rows.length === latest
      ? await db
          .selectFrom("assignment_events")
          .select((eb) => [
            eb.fn.countAll<number>().as("n"),
            eb.fn.sum<number>(eb.case().when("kind", "=", "assigned").then(1).else(0).end()).as("assigned"),
          ])
          .where("assignment_id", "in", assignmentIds)
          .executeTakeFirstOrThrow()
      : null;
  const events = latest === undefined ? rows : rows.reverse();
  const total = counted ? Number(counted.n) : events.length;
  const assigned = counted ? Number(counted.assigned) : events.filter((event) => event.kind === "assigned").length;
  const eventIds = events.map((event) => event.id);
  const [files, values] = eventIds.length
    ? await Promise.all([
        db.selectFrom("files").select(["id", "event_id", "original_name", "size_bytes", "content_type"]).where("event_id", "in", eventIds).execute(),
        db
          .selectFrom("event_target_values")
          .innerJoin("instruction_targets", "instruction_targets.id", "event_target_values.target_id")
          .select(["event_target_values.event_id", "event_target_values.actual_value", "instruction_targets.indicator", "instruction_targets.unit"])
          .where("event_target_values.event_id", "in", eventIds)
          .orderBy("instruction_targets.sort_order")
          .execute(),
      ])
    : [[], []];
  return {
    total,
    assigned,
    events: events.map((event) => ({
      ...event,
      files: files.filter((file) => file.event_id === event.id),
      targetValues: values.filter((value) => value.event_id === event.id),
    })),
  };
}
export type TimelineEvent = Awaited<ReturnType<typeof getTimeline>>["events"][number];

/** Everything the assignment page shows, or null when the actor may not see it. */
export async function getAssignmentDetail(db: DB, actor: Actor, assignmentId: string, options: { wholeHistory?: boolean } = {}) {
  const assignment = await assignmentRows(db, actor).where("assignments.id", "=", assignmentId).executeTakeFirst();
  if (!assignment) return null;
  const [targets, latestValues, timeline, pendingExtension] = await Promise.all([
    db.selectFrom("instruction_targets").selectAll().where("instruction_id", "=", assignment.instruction_id).orderBy("sort_order").execute(),
    latestTargetValues(db, assignmentId),
    getTimeline(db, [assignmentId], { latest: options.wholeHistory ? undefined : RECENT_TIMELINE_EVENTS }),
    getPendingExtension(db, assignmentId),
  ]);
  const actions =
    assignment.meeting_status === "published"
      ? availableActions({ status: assignment.status, organizationId: assignment.organization_id, hasPendingExtension: Boolean(pendingExtension) }, actor)
      : [];
  return { assignment, targets, latestValues, timeline: timeline.events, eventCount: timeline.total, assignedCount: timeline.assigned, pendingExtension, actions };
}

/** The most recent reported value of each target on this assignment. */
async function latestTargetValues(db: DB, assignmentId: string) {
  const rows = await db
    .selectFrom("event_target_values")
    .innerJoin("assignment_events", "assignment_events.id", "event_target_values.event_id")
    .select(["event_target_values.target_id", "event_target_values.actual_value", "assignment_events.created_at"])
    .where("assignment_events.assignment_id", "=", assignmentId)
    .orderBy("assignment_events.created_at", "desc")
    .execute();
  const latest: Record<string, { value: number; at: string }> = {};
  for (const row of rows) latest[row.target_id] ??= { value: row.actual_value, at: row.created_at };
  return latest;
}

/** The assignee's worklist: their organization's assignments, overdue first, then by deadline. */
export async function listOrganizationAssignments(db: DB, actor: Actor, options: { includeClosed: boolean; organizationId?: string }) {
  let query = assignmentRows(db, actor)
    .where("meetings.status", "=", "published");
  if (actor.organizationId && scopeOf(actor, "instructions.read") === "own_organization") {
    query = query.where("assignments.organization_id", "=", actor.organizationId);
  }
  if (options.organizationId) query = query.where("assignments.organization_id", "=", options.organizationId);
  if (!options.includeClosed) query = query.where("assignments.status", "in", OPEN_STATUSES);
  return query
    .orderBy(sql`case when assignments.status in ('done', 'cancelled') then 1 else 0 end`)
    .orderBy(sql`case when assignments.deadline is null then 1 else 0 end`)
    .orderBy("assignments.deadline", "asc")
    .orderBy("meetings.held_at", "desc")
    .limit(500)
    .execute();
}

/** The controller's queue: completion reports and extension requests waiting for a decision, oldest first. */
export async function listReviewQueue(db: DB, actor: Actor) {
  const base = () => assignmentRows(db, actor).where("meetings.status", "=", "published");
  const [reports, extensions] = await Promise.all([
    base().where("assignments.status", "=", "reported").orderBy("assignments.reported_at", "asc").limit(200).execute(),
    base()
      .innerJoin("assignment_events as request", "request.assignment_id", "assignments.id")
      .select(["request.id as request_id", "request.requested_deadline", "request.body as request_body", "request.created_at as requested_at"])
      .where("request.kind", "=", "extension_request")
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom("assignment_events as decision")
              .select(sql`1`.as("one"))
              .whereRef("decision.responds_to_event_id", "=", "request.id"),
          ),
        ),
      )
      .where("assignments.status", "in", OPEN_STATUSES)
      .orderBy("request.created_at", "asc")
      .limit(200)
      .execute(),
  ]);
  return { reports, extensions };
}

/**
 * Who may even ask: the assignment must be visible to this actor (else 404, so its existence does not leak), its
 * minutes published and the action one their role and organization may take on it (else 403). Asked before field
 * errors are answered, so a refused actor learns nothing from validation messages.
 */
export async function authorizeAction(db: DB, actor: Actor, assignmentId: string, action: string): Promise<"not_found" | "forbidden" | null> {
  const assignment = await visibleAssignments(db, actor)
    .select(["assignments.organization_id", "meetings.status as meeting_status"])
    .where("assignments.id", "=", assignmentId)
    .executeTakeFirst();
  if (!assignment) return "not_found";
  if (!isAssignmentAction(action)) return null;
  if (!mayTakeAction(action, { organizationId: assignment.organization_id, meetingStatus: assignment.meeting_status }, actor)) return "forbidden";
  return null;
}

/**
 * The checks of actOnAssignment that need no writing, run before anything is stored (evidence files go to
 * disk before the transaction): null when the action may go ahead as far as can be told now.
 */
export async function precheckAction(
  db: DB,
  actor: Actor,
  assignmentId: string,
  action: AssignmentAction,
  version: number,
  idempotencyKey: string,
): Promise<ActResult | null> {
  const assignment = await assignmentForAction(db, actor, assignmentId, idempotencyKey);
  if (!assignment) return { ok: false, kind: "not_found" };
  // A repeat of a form already taken is answered by the workflow itself (as the same success).
  if (assignment.repeated_id) return null;
  if (!mayTakeAction(action, { organizationId: assignment.organization_id, meetingStatus: assignment.meeting_status }, actor)) return { ok: false, kind: "forbidden" };
  const decision = decide(action, { status: assignment.status, organizationId: assignment.organization_id, hasPendingExtension: Boolean(assignment.pending_id) }, actor);
  if (assignment.version !== version || !decision.allowed) {
    return { ok: false, kind: "conflict", current: { status: assignment.status, version: assignment.version, deadline: assignment.deadline } };
  }
  return null;
}

/** Of these stored files, the ones no row points to (a refused or duplicate submit left them behind). */
export async function unreferencedFiles(db: DB, files: StoredFileInput[]): Promise<StoredFileInput[]> {
  if (files.length === 0) return [];
  const referenced = new Set(
    (await db.selectFrom("files").select("sha256").where("sha256", "in", files.map((f) => f.sha256)).execute()).map((row) => row.sha256),
  );
  return files.filter((file) => !referenced.has(file.sha256));
}

export interface StoredFileInput {
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storagePath: string;
}

export interface ActInput {
  action: AssignmentAction;
  /** The assignment version the form was based on: a stale form changes nothing. */
  version: number;
  /** One per rendered form: a double submit writes one event. */
  idempotencyKey: string;
  body?: string;
  percent?: number;
  requestedDeadline?: string;
  targetValues?: { targetId: string; value: number }[];
  files?: StoredFileInput[];
}

export type ActResult =
  | { ok: true; eventId: string; duplicate: boolean }
  | { ok: false; kind: "not_found" | "forbidden" }
  | { ok: false; kind: "conflict"; current: { status: string; version: number; deadline: string | null } }
  | { ok: false; kind: "invalid"; errors: Record<string, MessageKey> };

/**
 * The one workflow every state change goes through: checks the lifecycle and the version, moves the
 * assignment, appends the event (with its files and reported values), tells the people concerned, and
 * audits the change, all in one transaction.
 */
export async function actOnAssignment(db: DB, actor: Actor, assignmentId: string, input: ActInput): Promise<ActResult> {
  return db.transaction().execute(async (trx): Promise<ActResult> => {
    const assignment = await assignmentForAction(trx, actor, assignmentId, input.idempotencyKey);
    // Visibility first: nothing about an assignment the actor may not see, not even a replayed key, is answered.
    if (!assignment) return { ok: false, kind: "not_found" };
    const answerToRepeat = (repeated: { id: string | null; assignment_id: string | null; author_user_id: string | null }): ActResult | null => {
      if (!repeated.id) return null;
      return repeated.assignment_id === assignmentId && repeated.author_user_id === actor.id
        ? { ok: true, eventId: repeated.id, duplicate: true }
        : { ok: false, kind: "forbidden" };
    };
    const repeated = answerToRepeat({ id: assignment.repeated_id, assignment_id: assignment.repeated_assignment_id, author_user_id: assignment.repeated_author_id });
    if (repeated) return repeated;
    const current = { status: assignment.status, version: assignment.version, deadline: assignment.deadline };
    if (!mayTakeAction(input.action, { organizationId: assignment.organization_id, meetingStatus: assignment.meeting_status }, actor)) return { ok: false, kind: "forbidden" };

    const pending = assignment.pending_id ? { id: assignment.pending_id, requested_deadline: assignment.pending_requested_deadline } : null;
    const decision = decide(
      input.action,
      { status: assignment.status, organizationId: assignment.organization_id, hasPendingExtension: Boolean(pending) },
      actor,
    );
    // A stale form, or a state someone else moved on from: the same answer, with the current state.
    if (assignment.version !== input.version || !decision.allowed) return { ok: false, kind: "conflict", current };

    const errors: Record<string, MessageKey> = {};
    if (input.action === "request_extension") {
      const requested = input.requestedDeadline ?? "";
      if (requested <= (assignment.deadline ?? "")) errors.requestedDeadline = "execution.error.extensionNotLater";
      else if (requested < almatyDate()) errors.requestedDeadline = "execution.error.extensionInPast";
    }
    if (input.targetValues?.length) {
      const known = new Set(
        (await trx.selectFrom("instruction_targets").select("id").where("instruction_id", "=", assignment.instruction_id).execute()).map((t) => t.id),
      );
      if (input.targetValues.some((v) => !known.has(v.targetId))) errors.targets = "validation.unknown";
    }
    if (Object.keys(errors).length) return { ok: false, kind: "invalid", errors };

    const now = timestamp();
    const reporting = input.action === "post_progress" || input.action === "submit_completion";
    const newDeadline = input.action === "approve_extension" ? (pending?.requested_deadline ?? assignment.deadline) : assignment.deadline;
    const percent =
      input.action === "submit_completion" ? (input.percent ?? 100) : input.action === "post_progress" ? (input.percent ?? assignment.percent_complete) : assignment.percent_complete;
    const changes = {
      status: decision.to,
      version: assignment.version + 1,
      updated_at: now,
      deadline: newDeadline,
      percent_complete: percent,
      ...(reporting ? { last_report_at: now } : {}),
      ...(input.action === "submit_completion" ? { reported_at: now } : {}),
      ...(input.action === "accept" ? { completed_at: now } : {}),
    };
    const updated = await trx
      .updateTable("assignments")
      .set(changes)
      .where("id", "=", assignmentId)
      .where("version", "=", input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      // On PostgreSQL the twin of a double-submitted form waits here for the first one's commit, then finds the
      // version moved on; the first one's event is visible now, so it gets the same answer (SQLite runs them in turn).
      const twin = await trx
        .selectFrom("assignment_events")
        .select(["id", "assignment_id", "author_user_id"])
        .where("idempotency_key", "=", input.idempotencyKey)
        .executeTakeFirst();
      return (twin && answerToRepeat(twin)) ?? { ok: false, kind: "conflict", current };
    }

    const event = {
      id: newId(),
      assignment_id: assignmentId,
      kind: EVENT_KIND[input.action],
      author_user_id: actor.id,
      author_organization_id: actor.organizationId,
      body: input.body ?? null,
      percent_complete: reporting ? percent : null,
      from_status: assignment.status !== decision.to ? assignment.status : null,
      to_status: assignment.status !== decision.to ? decision.to : null,
      from_deadline: newDeadline !== assignment.deadline ? assignment.deadline : null,
      to_deadline: newDeadline !== assignment.deadline ? newDeadline : null,
      requested_deadline: input.action === "request_extension" ? (input.requestedDeadline ?? null) : null,
      responds_to_event_id: input.action === "approve_extension" || input.action === "reject_extension" ? (pending?.id ?? null) : null,
      idempotency_key: input.idempotencyKey,
      created_at: now,
    };
    await trx.insertInto("assignment_events").values(event).execute();
    for (const value of input.targetValues ?? []) {
      await trx.insertInto("event_target_values").values({ id: newId(), event_id: event.id, target_id: value.targetId, actual_value: value.value }).execute();
    }
    for (const file of input.files ?? []) {
      await trx
        .insertInto("files")
        .values({
          id: newId(),
          assignment_id: assignmentId,
          event_id: event.id,
          original_name: file.originalName,
          content_type: file.contentType,
          size_bytes: file.sizeBytes,
          sha256: file.sha256,
          storage_path: file.storagePath,
          uploaded_by: actor.id,
          created_at: now,
        })
        .execute();
    }

    const notice = { assignmentId, instructionId: assignment.instruction_id, eventId: event.id };
    if (input.action === "submit_completion") await notifyControllers(trx, "report_submitted", notice);
    if (input.action === "request_extension") await notifyControllers(trx, "extension_requested", notice);
    if (input.action === "return") await notifyOrganization(trx, assignment.organization_id, "report_returned", notice);
    if (input.action === "accept") await notifyOrganization(trx, assignment.organization_id, "report_accepted", notice);
    if (input.action === "cancel") await notifyOrganization(trx, assignment.organization_id, "assignment_cancelled", notice);
    if (input.action === "approve_extension") await notifyOrganization(trx, assignment.organization_id, "extension_approved", notice);
    if (input.action === "reject_extension") await notifyOrganization(trx, assignment.organization_id, "extension_rejected", notice);

    await recordAudit(trx, {
      actorUserId: actor.id,
      action: `assignment.${input.action}`,
      entityType: "assignment",
      entityId: assignmentId,
      before: { status: assignment.status, version: assignment.version, deadline: assignment.deadline, percent_complete: assignment.percent_complete },
      after: { status: changes.status, version: changes.version, deadline: changes.deadline, percent_complete: changes.percent_complete, event_id: event.id },
    });
    return { ok: true, eventId: event.id, duplicate: false };
  });
}

/**
 * The instruction page: its text, targets, every assignment the actor may see (an assignee: their own),
 * and the timeline of those assignments. Null when the actor may not see the instruction.
 */
export async function getInstructionDetail(db: DB, actor: Actor, instructionId: string, options: { wholeHistory?: boolean } = {}) {
  const [assignments, instruction] = await Promise.all([
    // The instruction is read once, below: its rows carry only what each assignment adds.
    visibleAssignments(db, actor)
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select([
        "assignments.id",
        "assignments.organization_id",
        "assignments.role",
        "assignments.status",
        "assignments.deadline",
        "assignments.percent_complete",
        "assignments.last_report_at",
        "organizations.name_kk as organization_name_kk",
        "organizations.name_ru as organization_name_ru",
        "organizations.name_en as organization_name_en",
      ])
      .where("assignments.instruction_id", "=", instructionId)
      .execute(),
    db
      .selectFrom("instructions")
      .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
      .leftJoin("people as issuer", "issuer.id", "instructions.issued_by_person_id")
      // What the page shows, not the search text and bookkeeping columns: they would be encoded into every response.
      .select([
        "instructions.id",
        "instructions.meeting_id",
        "instructions.number",
        "instructions.text",
        "instructions.deadline",
        "instructions.deadline_note",
        "instructions.special_control",
        "meetings.title as meeting_title",
        "meetings.protocol_number",
        "issuer.full_name as issued_by_name",
      ])
      .where("instructions.id", "=", instructionId)
      .executeTakeFirst(),
  ]);
  const ownOnly = scopeOf(actor, "instructions.read") === "own_organization";
  if (!instruction || (ownOnly && assignments.length === 0)) return null;
  const [targets, timeline, allStatuses] = await Promise.all([
    db.selectFrom("instruction_targets").select(["id", "indicator", "target_value", "unit"]).where("instruction_id", "=", instructionId).orderBy("sort_order").execute(),
    getTimeline(db, assignments.map((a) => a.id), { latest: options.wholeHistory ? undefined : RECENT_TIMELINE_EVENTS }),
    // The instruction's own status is derived from every lead, whoever is looking: an assignee sees only their own
    // assignment, so theirs are read apart; anyone else already has them all.
    ownOnly
      ? db.selectFrom("assignments").select(["role", "status"]).where("instruction_id", "=", instructionId).execute()
      : assignments.map(({ role, status }) => ({ role, status })),
  ]);
  return { instruction, assignments, targets, timeline: timeline.events, eventCount: timeline.total, assignedCount: timeline.assigned, allStatuses, ownOnly };
}
