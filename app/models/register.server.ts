import { sql } from "kysely";
import { DEADLINE_END_UTC_SUFFIX } from "../domain/calendar";
import { OPEN_STATUSES } from "../domain/lifecycle";
import type { Actor } from "../domain/permissions";
import { likePattern, sortByText } from "../domain/text";
import type { Language } from "../i18n";
import { organizationOptions } from "../i18n/labels";
import type { RegisterFilters } from "../schemas/register";
import type { DB } from "../utils/db.server";
import { computeFigure } from "../utils/figures-thread.server";
import { snapshot } from "../utils/snapshot.server";
import { visiblePublishedAssignments } from "./assignments.server";

export const REGISTER_PAGE_SIZE = 50;
export const EXPORT_ROW_LIMIT = 100_000;

/**
 * The register: one row per assignment (an instruction to one organization), because that is what is
 * tracked, reported and judged on time. Filters compose into one query on the assignments table alone
 * (visibility is its `where`); the details of instructions, meetings and organizations are joined for the
 * rows shown, not for every row matched.
 */
function matching(db: DB, actor: Actor, filters: RegisterFilters, today: string) {
  let query = visiblePublishedAssignments(db, actor);
  const instructionIds = () => db.selectFrom("instructions").select("instructions.id");
  if (filters.status) query = query.where("assignments.status", "=", filters.status);
  if (filters.overdue) query = query.where("assignments.status", "in", OPEN_STATUSES).where("assignments.deadline", "<", today);
  if (filters.open) query = query.where("assignments.status", "in", OPEN_STATUSES);
  if (filters.late) {
    query = query
      .where("assignments.status", "=", "done")
      .where("assignments.reported_at", ">=", sql<string>`assignments.deadline || ${DEADLINE_END_UTC_SUFFIX}`);
  }
  if (filters.organization) query = query.where("assignments.organization_id", "=", filters.organization);
  if (filters.kind) {
    const kind = filters.kind;
    query = query.where("assignments.organization_id", "in", db.selectFrom("organizations").select("id").where("kind", "=", kind));
  }
  if (filters.from) query = query.where("assignments.deadline", ">=", filters.from);
  if (filters.to) query = query.where("assignments.deadline", "<=", filters.to);
  if (filters.special) query = query.where("assignments.instruction_id", "in", instructionIds().where("special_control", "=", 1));
  if (filters.meeting) {
    const meeting = filters.meeting;
    query = query.where("assignments.instruction_id", "in", instructionIds().where("meeting_id", "=", meeting));
  }
  if (filters.chair) {
    const chair = filters.chair;
    query = query.where(
      "assignments.instruction_id",
      "in",
      instructionIds().where("meeting_id", "in", db.selectFrom("meetings").select("meetings.id").where("meetings.chair_person_id", "=", chair)),
    );
  }
  if (filters.q) {
    const pattern = likePattern(filters.q);
    query = query.where("assignments.instruction_id", "in", instructionIds().where(sql<boolean>`search_text like ${pattern} escape '\\'`));
  }
  return query;
}

function withDetails(db: DB) {
  return db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id");
}

const columns = [
  "assignments.id",
  "assignments.instruction_id",
  "assignments.status",
  "assignments.role",
  "assignments.deadline",
  "assignments.initial_deadline",
  "assignments.percent_complete",
  "assignments.last_report_at",
  "assignments.reported_at",
  "assignments.completed_at",
  "instructions.number as instruction_number",
  "instructions.text as instruction_text",
  "instructions.special_control",
  "meetings.id as meeting_id",
  "meetings.title as meeting_title",
  "meetings.protocol_number",
  "meetings.held_at",
  "organizations.id as organization_id",
  "organizations.name_kk as organization_name_kk",
  "organizations.name_ru as organization_name_ru",
  "organizations.name_en as organization_name_en",
] as const;

function sorted(query: ReturnType<typeof withDetails>, filters: RegisterFilters, language: Language) {
  const dir = filters.dir;
  const nameColumn = { kk: "organizations.name_kk", ru: "organizations.name_ru", en: "organizations.name_en" } as const;
  switch (filters.sort) {
    case "code":
      return query.orderBy("meetings.protocol_number", dir).orderBy(sql`length(instructions.number)`, dir).orderBy("instructions.number", dir);
    case "organization":
      return query.orderBy(nameColumn[language], dir);
    case "status":
      return query.orderBy("assignments.status", dir).orderBy(sql`case when assignments.deadline is null then 1 else 0 end`).orderBy("assignments.deadline", dir);
    case "held":
      return query.orderBy("meetings.held_at", dir);
    default:
      return query.orderBy(sql`case when assignments.deadline is null then 1 else 0 end`).orderBy("assignments.deadline", dir);
  }
}

export async function listRegister(db: DB, actor: Actor, filters: RegisterFilters, today: string, language: Language) {
  const offset = (filters.page - 1) * REGISTER_PAGE_SIZE;
  // The counts cover every matching row, a full pass at national size: kept while the data is unchanged.
  const { page: _page, sort: _sort, dir: _dir, ...countedFilters } = filters;
  const countKey = `register|${actor.role}|${actor.organizationId ?? ""}|${today}|${JSON.stringify(countedFilters)}`;
  const [rows, totals] = await Promise.all([
    pageRows(db, actor, filters, today, language, offset),
    // On the figures thread where there is one (app/utils/figures-thread.server.ts): the actor as plain data.
    snapshot(db, countKey, () =>
      computeFigure(db, REGISTER_FIGURES, "registerCounts", { id: actor.id, role: actor.role, organizationId: actor.organizationId }, filters, today),
    ),
  ]);
  return { rows, ...totals };
}

async function countRegister(db: DB, actor: Actor, filters: RegisterFilters, today: string) {
  const totals = await matching(db, actor, filters, today)
    .select([
      sql<number>`count(*)`.as("total"),
      sql<number>`sum(case when assignments.status in ('assigned', 'in_progress', 'reported') and assignments.deadline < ${today} then 1 else 0 end)`.as("overdue"),
      sql<number>`sum(case when assignments.status = 'done' then 1 else 0 end)`.as("done"),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(totals.total), overdue: Number(totals.overdue ?? 0), done: Number(totals.done ?? 0) };
}

/** The register's figures the figures thread computes. */
export const REGISTER_FIGURES = { registerCounts: countRegister };

/**
 * One page. Ordered by deadline or status, the page's ids come from the assignments' own indexes and only
 * those rows are joined; the other orders need the joined columns to sort by.
 */
async function pageRows(db: DB, actor: Actor, filters: RegisterFilters, today: string, language: Language, offset: number) {
  if (filters.sort !== "deadline" && filters.sort !== "status") {
    return sorted(withDetails(db).where("assignments.id", "in", matching(db, actor, filters, today).select("assignments.id")), filters, language)
      .orderBy("assignments.id")
      .select([...columns])
      .limit(REGISTER_PAGE_SIZE)
      .offset(offset)
      .execute();
  }
  let ids = matching(db, actor, filters, today).select("assignments.id");
  // Within a status, by deadline: the same order as the indexes (status, no-deadline-last, deadline, id).
  if (filters.sort === "status") ids = ids.orderBy("assignments.status", filters.dir);
  ids = ids.orderBy(sql`case when assignments.deadline is null then 1 else 0 end`).orderBy("assignments.deadline", filters.dir);
  const pageIds = (await ids.orderBy("assignments.id").limit(REGISTER_PAGE_SIZE).offset(offset).execute()).map((row) => row.id);
  if (pageIds.length === 0) return [];
  const rows = await withDetails(db).where("assignments.id", "in", pageIds).select([...columns]).execute();
  const position = new Map(pageIds.map((id, index) => [id, index]));
  return rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
}

/** Every row of the filtered register, in the page's order, for the exports. */
export async function exportRegister(db: DB, actor: Actor, filters: RegisterFilters, today: string, language: Language) {
  return sorted(withDetails(db).where("assignments.id", "in", matching(db, actor, filters, today).select("assignments.id")), filters, language)
    .orderBy("assignments.id")
    .select([...columns])
    .limit(EXPORT_ROW_LIMIT)
    .execute();
}
export type RegisterRow = Awaited<ReturnType<typeof exportRegister>>[number];

/** Meetings offered in the filter: the recent ones (a longer list only weighs down every register page). */
export const RECENT_MEETINGS_IN_FILTER = 60;

const MEETING_COLUMNS = ["id", "title", "protocol_number"] as const;

/**
 * The choices the filter form offers, in the reader's language and order; `selectedMeeting` stays offered however
 * old it is. The lists are the same for every reader until the directory or the minutes change, so they are kept
 * per data version (people are versioned too, for the chairs' names); the selected meeting is looked up apart,
 * so no query string can crowd the cache. The kept lists are the same objects from one request to the next.
 */
export async function registerFilterOptions(db: DB, language: Language, selectedMeeting?: string) {
  const [lists, selected] = await Promise.all([
    snapshot(db, `register-filter-options|${language}`, async () => {
      const [organizations, meetings, chairs] = await Promise.all([
        db.selectFrom("organizations").select(["id", "name_kk", "name_ru", "name_en"]).where("is_active", "=", 1).execute(),
        db.selectFrom("meetings").select(MEETING_COLUMNS).where("status", "=", "published").orderBy("held_at", "desc").limit(RECENT_MEETINGS_IN_FILTER).execute(),
        db
          .selectFrom("people")
          .select(["people.id", "people.full_name"])
          .where((eb) => eb.exists(eb.selectFrom("meetings").select(sql`1`.as("one")).whereRef("meetings.chair_person_id", "=", "people.id")))
          .execute(),
      ]);
      return {
        organizations: organizationOptions(organizations, language),
        meetings: meetings.map(meetingChoice),
        chairs: sortByText(chairs, (chair) => chair.full_name).map((chair) => ({ value: chair.id, label: chair.full_name })),
      };
    }),
    selectedMeeting
      ? db.selectFrom("meetings").select(MEETING_COLUMNS).where("status", "=", "published").where("id", "=", selectedMeeting).execute()
      : Promise.resolve([]),
  ]);
  const olderMeetings = selected.filter((meeting) => !lists.meetings.some((recent) => recent.value === meeting.id)).map(meetingChoice);
  return { ...lists, olderMeetings };
}

function meetingChoice(meeting: { id: string; title: string; protocol_number: string | null }) {
  return { value: meeting.id, label: `${meeting.protocol_number ? `№ ${meeting.protocol_number} · ` : ""}${meeting.title}` };
}
