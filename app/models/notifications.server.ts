import { sql } from "kysely";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";

/*
 * In-app notifications: rows in the database (not process memory), so every app server sees them.
 * The assignee's organization hears of new instructions, returned reports and extension decisions;
 * the controllers hear of new reports and extension requests.
 */

export const NOTIFICATION_KINDS = [
  "assigned",
  "report_submitted",
  "extension_requested",
  "report_returned",
  "report_accepted",
  "assignment_cancelled",
  "extension_approved",
  "extension_rejected",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

interface Notice {
  assignmentId: string;
  instructionId: string;
  eventId: string | null;
}

async function notifyUsers(db: DB, userIds: string[], kind: NotificationKind, notice: Notice) {
  const now = timestamp();
  for (const userId of userIds) {
    await db
      .insertInto("notifications")
      .values({
        id: newId(),
        user_id: userId,
        kind,
        assignment_id: notice.assignmentId,
        instruction_id: notice.instructionId,
        event_id: notice.eventId,
        created_at: now,
      })
      .execute();
  }
}

export async function notifyOrganization(db: DB, organizationId: string, kind: NotificationKind, notice: Notice) {
  const users = await db
    .selectFrom("users")
    .select("id")
    .where("organization_id", "=", organizationId)
    .where("role", "=", "assignee")
    .where("is_active", "=", 1)
    .execute();
  await notifyUsers(db, users.map((u) => u.id), kind, notice);
}

export async function notifyControllers(db: DB, kind: NotificationKind, notice: Notice) {
  const users = await db.selectFrom("users").select("id").where("role", "=", "controller").where("is_active", "=", 1).execute();
  await notifyUsers(db, users.map((u) => u.id), kind, notice);
}

export async function countUnread(db: DB, userId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)`.as("c"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.c);
}

export async function listNotifications(db: DB, userId: string, limit = 100) {
  return db
    .selectFrom("notifications")
    .leftJoin("assignments", "assignments.id", "notifications.assignment_id")
    .leftJoin("organizations", "organizations.id", "assignments.organization_id")
    .leftJoin("instructions", "instructions.id", "notifications.instruction_id")
    .leftJoin("meetings", "meetings.id", "instructions.meeting_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.assignment_id",
      "notifications.created_at",
      "notifications.read_at",
      "instructions.number as instruction_number",
      "instructions.text as instruction_text",
      "meetings.protocol_number",
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ])
    .where("notifications.user_id", "=", userId)
    .orderBy("notifications.created_at", "desc")
    .limit(limit)
    .execute();
}

export async function markAllRead(db: DB, userId: string): Promise<number> {
  const result = await db
    .updateTable("notifications")
    .set({ read_at: timestamp() })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Opening a notification marks it read; only the owner's own. Returns what it points to, or null. */
export async function markRead(db: DB, userId: string, notificationId: string): Promise<{ assignmentId: string | null } | null> {
  const notification = await db
    .selectFrom("notifications")
    .select(["assignment_id", "read_at"])
    .where("id", "=", notificationId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!notification) return null;
  if (!notification.read_at) {
    await db.updateTable("notifications").set({ read_at: timestamp() }).where("id", "=", notificationId).execute();
  }
  return { assignmentId: notification.assignment_id };
}
