import { sql } from "kysely";
import { DEADLINE_END_UTC_SUFFIX, addDays, addMonths, isCalendarDate } from "../domain/calendar";
import { OPEN_STATUSES } from "../domain/lifecycle";
import type { DB } from "../utils/db.server";
import { computeFigure } from "../utils/figures-thread.server";
import { snapshot } from "../utils/snapshot.server";
import { instructionsOfDraftMeetings } from "./assignments.server";
import { daysBetweenSql } from "../utils/sql-dialect";

/** One row of an assignment list: enough for the dashboards' tables. */
function assignmentRows(db: DB) {
  return db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .select([
      "assignments.id",
      "assignments.status",
      "assignments.role",
      "assignments.deadline",
      "assignments.percent_complete",
      "assignments.reported_at",
      "assignments.last_report_at",
      "instructions.number as instruction_number",
      "instructions.special_control",
      "instructions.text as instruction_text",
      "meetings.protocol_number",
      "meetings.id as meeting_id",
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ]);
}

export type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignmentRows>["execute"]>>[number];

const count = (condition: ReturnType<typeof sql>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;

export async function getControllerDashboard(db: DB, today: string) {
  const open = sql`assignments.status in ('assigned', 'in_progress', 'reported')`;
  const weekAhead = addDays(today, 7);
  // Every assignment of published minutes, without joins: the few draft instructions are left out instead.
  const totals = await db
    .selectFrom("assignments")
    .where("assignments.instruction_id", "not in", instructionsOfDraftMeetings(db))
    .select([
      count(open).as("open"),
      count(sql`${open} and assignments.deadline < ${today}`).as("overdue"),
      count(sql`${open} and assignments.deadline >= ${today} and assignments.deadline <= ${weekAhead}`).as("due_soon"),
      count(sql`assignments.status = 'reported'`).as("awaiting_review"),
      count(sql`assignments.status = 'done'`).as("done"),
      count(
        sql`assignments.status = 'done' and (assignments.deadline is null or assignments.reported_at < (assignments.deadline || ${DEADLINE_END_UTC_SUFFIX}))`,
      ).as("done_on_time"),
      count(
        sql`assignments.status = 'done' and assignments.deadline is not null and assignments.reported_at >= (assignments.deadline || ${DEADLINE_END_UTC_SUFFIX})`,
      ).as("done_late"),
    ])
    .executeTakeFirstOrThrow();

  const [awaitingReview, overdue] = await Promise.all([
    assignmentRows(db)
      .where("meetings.status", "=", "published")
      .where("assignments.status", "=", "reported")
      .orderBy("assignments.reported_at", "asc")
      .limit(10)
      .execute(),
    assignmentRows(db)
      .where("meetings.status", "=", "published")
      .where("assignments.status", "in", OPEN_STATUSES)
      .where("assignments.deadline", "<", today)
      .orderBy("assignments.deadline", "asc")
      .limit(10)
      .execute(),
  ]);
  const n = (value: unknown) => Number(value ?? 0);
  return {
    totals: {
      open: n(totals.open),
      overdue: n(totals.overdue),
      dueSoon: n(totals.due_soon),
      awaitingReview: n(totals.awaiting_review),
      done: n(totals.done),
      doneOnTime: n(totals.done_on_time),
      doneLate: n(totals.done_late),
    },
    awaitingReview,
    overdue,
  };
}

/** The organization's open assignments from published minutes: overdue first, then by deadline. */
export async function getAssigneeDashboard(db: DB, organizationId: string) {
  const assignments = await assignmentRows(db)
    .where("meetings.status", "=", "published")
    .where("assignments.organization_id", "=", organizationId)
    .where("assignments.status", "in", OPEN_STATUSES)
    // Every overdue deadline is earlier than every other, so deadline order puts them first.
    .orderBy(sql`case when assignments.deadline is null then 1 else 0 end`)
    .orderBy("assignments.deadline", "asc")
    .orderBy("meetings.held_at", "desc")
    .execute();
  return { assignments };
}

export async function getSecretariatDashboard(db: DB) {
  function meetingsQuery() {
    return db
      .selectFrom("meetings")
      .leftJoin("people", "people.id", "meetings.chair_person_id")
      .select([
        "meetings.id",
        "meetings.kind",
        "meetings.title",
        "meetings.held_at",
        "meetings.protocol_number",
        "meetings.status",
        "people.full_name as chair_name",
        (eb) =>
          eb
            .selectFrom("instructions")
            .select(sql<number>`count(*)`.as("c"))
            .whereRef("instructions.meeting_id", "=", "meetings.id")
            .as("instruction_count"),
      ]);
  }
  const [drafts, recent, totals] = await Promise.all([
    meetingsQuery().where("meetings.status", "=", "draft").orderBy("meetings.updated_at", "desc").limit(10).execute(),
    meetingsQuery().where("meetings.status", "=", "published").orderBy("meetings.held_at", "desc").limit(10).execute(),
    db
      .selectNoFrom((eb) => [
        eb.selectFrom("meetings").select(sql<number>`count(*)`.as("c")).as("meetings"),
        eb.selectFrom("meetings").select(sql<number>`count(*)`.as("c")).where("status", "=", "draft").as("drafts"),
        eb.selectFrom("instructions").select(sql<number>`count(*)`.as("c")).as("instructions"),
        eb.selectFrom("assignments").select(sql<number>`count(*)`.as("c")).as("assignments"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    drafts,
    recent,
    totals: {
      meetings: Number(totals.meetings),
      drafts: Number(totals.drafts),
      instructions: Number(totals.instructions),
      assignments: Number(totals.assignments),
    },
  };
}

export async function getAdminDashboard(db: DB) {
  const users = await db
    .selectFrom("users")
    .leftJoin("organizations", "organizations.id", "users.organization_id")
    .select([
      "users.id",
      "users.login",
      "users.display_name",
      "users.role",
      "users.is_active",
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ])
    .orderBy("users.login")
    .execute();
  const organizations = await db
    .selectFrom("organizations")
    .select(sql<number>`count(*)`.as("c"))
    .executeTakeFirstOrThrow();
  return {
    users,
    totals: { activeUsers: users.filter((u) => u.is_active === 1).length, organizations: Number(organizations.c) },
  };
}

/**
 * Execution discipline per organization for assignments whose deadline fell in [from, to] (and has passed):
 * how many were due, how many were done by the deadline in force, how many are overdue now, and how many
 * extensions were granted. Ranked worst first: lowest on-time share, then most overdue.
 */
export async function getDiscipline(db: DB, today: string, from: string, to: string, organizationId?: string) {
  const until = to < today ? to : addDays(today, -1);
  // Counted from one index range (assignments_deadline_figures) without joins: the few draft instructions are left
  // out rather than every row joined to its meeting; the organizations' names are joined to the ~300 groups after.
  let due = db
    .selectFrom("assignments")
    .where("assignments.instruction_id", "not in", instructionsOfDraftMeetings(db))
    .where("assignments.status", "!=", "cancelled")
    .where("assignments.deadline", ">=", from)
    .where("assignments.deadline", "<=", until);
  if (organizationId) due = due.where("assignments.organization_id", "=", organizationId);
  const perOrganization = due.groupBy("assignments.organization_id").select([
    "assignments.organization_id",
    sql<number>`count(*)`.as("due"),
    sql<number>`sum(case when assignments.status = 'done' and assignments.reported_at < (assignments.deadline || ${DEADLINE_END_UTC_SUFFIX}) then 1 else 0 end)`.as(
      "on_time",
    ),
    sql<number>`sum(case when assignments.status = 'done' and assignments.reported_at >= (assignments.deadline || ${DEADLINE_END_UTC_SUFFIX}) then 1 else 0 end)`.as(
      "late",
    ),
    sql<number>`sum(case when assignments.status in ('assigned', 'in_progress', 'reported') then 1 else 0 end)`.as("overdue"),
    // Average delay in days: of late reports (report date − deadline) and of open overdue ones (today − deadline).
    sql<number>`avg(case
      when assignments.status = 'done' and assignments.reported_at >= (assignments.deadline || ${DEADLINE_END_UTC_SUFFIX})
        then ${daysBetweenSql(db, sql.ref("assignments.reported_at"), sql.ref("assignments.deadline"))}
      when assignments.status in ('assigned', 'in_progress', 'reported')
        then ${daysBetweenSql(db, sql.val(today), sql.ref("assignments.deadline"))}
      end)`.as("average_delay"),
  ]);
  const rows = await db
    .selectFrom(perOrganization.as("counts"))
    .innerJoin("organizations", "organizations.id", "counts.organization_id")
    .select([
      "organizations.id",
      "organizations.name_kk",
      "organizations.name_ru",
      "organizations.name_en",
      "counts.due",
      "counts.on_time",
      "counts.late",
      "counts.overdue",
      "counts.average_delay",
    ])
    .execute();
  const extensions = await extensionsGranted(db, from, organizationId);
  return rows
    .map((row) => {
      const due = Number(row.due);
      const onTime = Number(row.on_time ?? 0);
      return {
        id: row.id,
        name_kk: row.name_kk,
        name_ru: row.name_ru,
        name_en: row.name_en,
        due,
        onTime,
        late: Number(row.late ?? 0),
        overdue: Number(row.overdue ?? 0),
        extensions: extensions.get(row.id) ?? 0,
        averageDelayDays: row.average_delay === null || row.average_delay === undefined ? null : Math.round(Number(row.average_delay) * 10) / 10,
        onTimePercent: due ? Math.round((onTime / due) * 100) : null,
      };
    })
    // Ties in a fixed order, whatever order the engine grouped in.
    .sort((a, b) => (a.onTimePercent ?? 101) - (b.onTimePercent ?? 101) || b.overdue - a.overdue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The discipline period from ?from=&to= (calendar dates); by default the last twelve months. */
export function disciplinePeriod(params: URLSearchParams, today: string): { from: string; to: string } {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  return { from: isCalendarDate(from) ? from : addMonths(today, -12), to: isCalendarDate(to) ? to : today };
}

/** Extensions granted since `from`, per organization: one grouped pass over the extension events. */
async function extensionsGranted(db: DB, from: string, organizationId?: string): Promise<Map<string, number>> {
  let query = db
    .selectFrom("assignment_events")
    .innerJoin("assignments", "assignments.id", "assignment_events.assignment_id")
    .where("assignment_events.kind", "=", "extension_approved")
    .where("assignment_events.created_at", ">=", `${from}T00:00:00.000Z`);
  if (organizationId) query = query.where("assignments.organization_id", "=", organizationId);
  const rows = await query
    .groupBy("assignments.organization_id")
    .select(["assignments.organization_id", sql<number>`count(*)`.as("n")])
    .execute();
  return new Map(rows.map((row) => [row.organization_id, Number(row.n)]));
}

export const DISCIPLINE_ROWS_ON_DASHBOARD = 20;

/**
 * Everything the controller's dashboard shows, computed once per change of the execution data (see
 * app/utils/snapshot.server.ts), on the figures thread where there is one: at national size the aggregations take
 * most of a second on SQLite.
 */
export function getControllerOverview(db: DB, today: string, from: string, to: string) {
  return snapshot(db, `controller|${today}|${from}|${to}`, () => computeFigure(db, DASHBOARD_FIGURES, "controllerOverview", today, from, to));
}

async function computeControllerOverview(db: DB, today: string, from: string, to: string) {
  const [controller, discipline, trend] = await Promise.all([getControllerDashboard(db, today), getDiscipline(db, today, from, to), getMonthlyTrend(db, today)]);
  // The weakest first; the full ranking is the discipline report (XLSX/CSV), not page weight.
  return {
    ...controller,
    discipline: discipline.slice(0, DISCIPLINE_ROWS_ON_DASHBOARD),
    disciplineTotal: discipline.length,
    trend,
    period: { from, to },
  };
}

/** The dashboard's figures the figures thread computes (app/utils/figures-thread.server.ts). */
export const DASHBOARD_FIGURES = { controllerOverview: computeControllerOverview };

/** The last twelve calendar months, oldest first ("2025-12", …, "2026-11"). */
export function lastTwelveMonths(today: string): string[] {
  const [year, month] = today.split("-").map(Number);
  return Array.from({ length: 12 }, (_, index) => {
    const date = new Date(Date.UTC(year, month - 1 - (11 - index), 1));
    return date.toISOString().slice(0, 7);
  });
}

/**
 * Issued, done and overdue assignments per month for the last twelve months: issued by the meeting's month,
 * done by the month of acceptance, overdue by the month whose deadline was missed (open past it, or done late).
 * Months are taken from UTC timestamps: an event in the first five hours of an Almaty month counts in the one before.
 */
export async function getMonthlyTrend(db: DB, today: string) {
  const months = lastTwelveMonths(today);
  const first = `${months[0]}-01`;
  const published = (qb: ReturnType<typeof base>) => qb.where("meetings.status", "=", "published");
  function base() {
    return db
      .selectFrom("assignments")
      .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
      .innerJoin("meetings", "meetings.id", "instructions.meeting_id");
  }
  const [issued, done, overdue] = await Promise.all([
    published(base())
      .where("meetings.held_at", ">=", `${first}T00:00:00.000Z`)
      .select([sql<string>`substr(meetings.held_at, 1, 7)`.as("month"), sql<number>`count(*)`.as("n")])
      .groupBy(sql`substr(meetings.held_at, 1, 7)`)
      .execute(),
    // Done assignments can be many: leave out the few draft instructions instead of joining every row to its meeting.
    db
      .selectFrom("assignments")
      .where("assignments.instruction_id", "not in", instructionsOfDraftMeetings(db))
      .where("assignments.status", "=", "done")
      .where("assignments.completed_at", ">=", `${first}T00:00:00.000Z`)
      .select([sql<string>`substr(assignments.completed_at, 1, 7)`.as("month"), sql<number>`count(*)`.as("n")])
      .groupBy(sql`substr(assignments.completed_at, 1, 7)`)
      .execute(),
    db
      .selectFrom("assignments")
      .where("assignments.instruction_id", "not in", instructionsOfDraftMeetings(db))
      .where("assignments.deadline", ">=", first)
      .where("assignments.deadline", "<", today)
      .where((eb) =>
        eb.or([
          eb("assignments.status", "in", OPEN_STATUSES),
          eb.and([eb("assignments.status", "=", "done"), eb("assignments.reported_at", ">=", sql<string>`assignments.deadline || ${DEADLINE_END_UTC_SUFFIX}`)]),
        ]),
      )
      .select([sql<string>`substr(assignments.deadline, 1, 7)`.as("month"), sql<number>`count(*)`.as("n")])
      .groupBy(sql`substr(assignments.deadline, 1, 7)`)
      .execute(),
  ]);
  const count = (rows: { month: string; n: number }[], month: string) => Number(rows.find((row) => row.month === month)?.n ?? 0);
  return months.map((month) => ({ month, issued: count(issued, month), done: count(done, month), overdue: count(overdue, month) }));
}
