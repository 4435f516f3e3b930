import { createHash, randomBytes } from "node:crypto";
import { daysBetween } from "../domain/calendar";
import { buildCalendar, type CalendarEvent } from "../domain/icalendar";
import { instructionCode } from "../domain/instructions";
import { OPEN_STATUSES } from "../domain/lifecycle";
import { isRole, type Actor } from "../domain/permissions";
import { isLanguage, type Language, type MessageKey } from "../i18n";
import { translator } from "../i18n/catalogues";
import { formatDate } from "../i18n/format";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { recordAudit } from "./audit.server";
import { visibleAssignments } from "./assignments.server";

/*
 * Calendar feeds: a secret address per user that serves the deadlines they may see as iCalendar, for
 * Outlook or Google Calendar, which fetch it without a session. The secret is the only credential, so it
 * is stored as its SHA-256 (like session tokens), shown to the user once, and revoked by stamping
 * revoked_at. At most one feed per user is live; making a new one revokes the old one.
 */

/** 256 random bits, URL-safe. */
function newFeedSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashFeedSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** What newFeedSecret makes; anything else is not worth a lookup. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

const AUDIT_ENTITY = "calendar_feed";

async function revokeLiveFeeds(db: DB, userId: string, now: string, reason: "replaced" | "revoked"): Promise<number> {
  const live = await db.selectFrom("calendar_feeds").select(["id", "created_at"]).where("user_id", "=", userId).where("revoked_at", "is", null).execute();
  for (const feed of live) {
    await db.updateTable("calendar_feeds").set({ revoked_at: now }).where("id", "=", feed.id).where("revoked_at", "is", null).execute();
    await recordAudit(db, {
      actorUserId: userId,
      action: "calendar_feed.revoke",
      entityType: AUDIT_ENTITY,
      entityId: feed.id,
      before: { user_id: userId, created_at: feed.created_at, revoked_at: null },
      after: { user_id: userId, created_at: feed.created_at, revoked_at: now, reason },
    });
  }
  return live.length;
}

/**
 * A new feed for the user, revoking the one they had. Returns the secret: this is the only time it exists
 * outside the user's calendar, so the caller shows it and forgets it.
 */
export async function createCalendarFeed(db: DB, userId: string): Promise<{ feedId: string; secret: string }> {
  const secret = newFeedSecret();
  const feedId = newId();
  await db.transaction().execute(async (trx) => {
    const now = timestamp();
    await revokeLiveFeeds(trx, userId, now, "replaced");
    await trx.insertInto("calendar_feeds").values({ id: feedId, user_id: userId, token_hash: hashFeedSecret(secret), created_at: now }).execute();
    // The audit row names the feed, never its secret or hash.
    await recordAudit(trx, {
      actorUserId: userId,
      action: "calendar_feed.create",
      entityType: AUDIT_ENTITY,
      entityId: feedId,
      after: { user_id: userId, created_at: now, revoked_at: null },
    });
  });
  return { feedId, secret };
}

/** Revokes the user's live feed, if any; returns how many were revoked (0 or 1). */
export async function revokeCalendarFeed(db: DB, userId: string): Promise<number> {
  return db.transaction().execute((trx) => revokeLiveFeeds(trx, userId, timestamp(), "revoked"));
}

/** The user's feeds, newest first: the live one (revoked_at null), if any, and the last few revoked. */
export async function listCalendarFeeds(db: DB, userId: string, limit = 10) {
  return db
    .selectFrom("calendar_feeds")
    .select(["id", "created_at", "revoked_at", "last_used_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export interface CalendarFeedOwner {
  feedId: string;
  lastUsedAt: string | null;
  actor: Actor;
  language: Language;
}

/** The live feed this secret opens and whom it speaks for; null if unknown, revoked, or the user is inactive. */
export async function getCalendarFeedBySecret(db: DB, secret: string): Promise<CalendarFeedOwner | null> {
  if (!SECRET_PATTERN.test(secret)) return null;
  const row = await db
    .selectFrom("calendar_feeds")
    .innerJoin("users", "users.id", "calendar_feeds.user_id")
    .select(["calendar_feeds.id", "calendar_feeds.last_used_at", "users.id as user_id", "users.role", "users.organization_id", "users.language"])
    .where("calendar_feeds.token_hash", "=", hashFeedSecret(secret))
    .where("calendar_feeds.revoked_at", "is", null)
    .where("users.is_active", "=", 1)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return null;
  return {
    feedId: row.id,
    lastUsedAt: row.last_used_at,
    actor: { id: row.user_id, role: row.role, organizationId: row.organization_id },
    language: isLanguage(row.language) ? row.language : "kk",
  };
}

// Calendar clients poll; one stamp every few minutes says as much as one per fetch and writes far less.
const USE_STAMP_EVERY_MS = 5 * 60 * 1000;

/**
 * Notes that a calendar fetched the feed. A usage stamp like a session's last_seen_at, not a change of
 * anything the user did, so it is not audited.
 */
export async function markCalendarFeedUsed(db: DB, feed: Pick<CalendarFeedOwner, "feedId" | "lastUsedAt">, at = new Date()): Promise<void> {
  if (feed.lastUsedAt && at.getTime() - Date.parse(feed.lastUsedAt) < USE_STAMP_EVERY_MS) return;
  await db.updateTable("calendar_feeds").set({ last_used_at: timestamp(at) }).where("id", "=", feed.feedId).where("revoked_at", "is", null).execute();
}

/** The most events one feed carries: calendar clients slow down or give up on very large feeds. */
export const FEED_EVENT_LIMIT = 2000;

/**
 * Open assignments with a deadline that the actor may see, from published minutes only (a draft's
 * deadlines are not yet issued to anyone), the `limit` nearest to today (either side), by deadline.
 */
export async function listCalendarDeadlines(db: DB, actor: Actor, today: string, limit = FEED_EVENT_LIMIT) {
  const base = () =>
    visibleAssignments(db, actor)
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select([
        "assignments.id",
        "assignments.status",
        "assignments.deadline",
        "assignments.version",
        "assignments.updated_at",
        "instructions.number as instruction_number",
        "instructions.text as instruction_text",
        "instructions.special_control",
        "meetings.protocol_number",
        "meetings.title as meeting_title",
        "organizations.name_kk",
        "organizations.name_ru",
        "organizations.name_en",
        "organizations.short_name_kk",
        "organizations.short_name_ru",
        "organizations.short_name_en",
      ])
      .where("meetings.status", "=", "published")
      .where("assignments.status", "in", OPEN_STATUSES)
      .where("assignments.deadline", "is not", null);
  const [upcoming, past] = await Promise.all([
    base().where("assignments.deadline", ">=", today).orderBy("assignments.deadline", "asc").orderBy("assignments.id").limit(limit).execute(),
    base().where("assignments.deadline", "<", today).orderBy("assignments.deadline", "desc").orderBy("assignments.id").limit(limit).execute(),
  ]);
  const distance = (deadline: string) => Math.abs(daysBetween(today, deadline));
  return [...upcoming, ...past]
    .map((row) => ({ ...row, deadline: row.deadline as string }))
    .sort((a, b) => distance(a.deadline) - distance(b.deadline) || a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .slice(0, limit)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
}
export type CalendarDeadline = Awaited<ReturnType<typeof listCalendarDeadlines>>[number];

const SUMMARY_TEXT_MAX = 80;

/** The text on one line, cut at a word near `max` characters with an ellipsis. */
export function shortenText(text: string, max = SUMMARY_TEXT_MAX): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  const characters = [...flat];
  if (characters.length <= max) return flat;
  const cut = characters.slice(0, max).join("");
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

function byLanguage(row: CalendarDeadline, language: Language): { name: string; shortName: string } {
  const name = { kk: row.name_kk, ru: row.name_ru, en: row.name_en }[language];
  const shortName = { kk: row.short_name_kk, ru: row.short_name_ru, en: row.short_name_en }[language];
  return { name, shortName: shortName || name };
}

/** The feed as iCalendar text, in the reader's language; links point into the app at `origin`. */
export function deadlineCalendar(rows: CalendarDeadline[], options: { language: Language; origin: string; today: string; now: string }): string {
  const { language, origin, today, now } = options;
  const t = translator(language);
  const events: CalendarEvent[] = rows.map((row) => {
    const code = instructionCode(row.protocol_number, row.instruction_number);
    const organization = byLanguage(row, language);
    const summary = `${code} ${organization.shortName}: ${shortenText(row.instruction_text)}`;
    const url = `${origin}/assignments/${row.id}`;
    const status = [t(`status.${row.status}` as MessageKey), row.deadline < today ? t("status.overdue") : null].filter(Boolean).join(" · ");
    const description = [
      row.instruction_text.trim(),
      "",
      t("calendar.feed.organization", { name: organization.name }),
      t("calendar.feed.deadline", { date: formatDate(row.deadline, language) }),
      t("calendar.feed.status", { status }),
      row.special_control ? t("calendar.feed.specialControl") : null,
      t("calendar.feed.meeting", { title: row.meeting_title }),
      "",
      t("calendar.feed.link", { url }),
    ].filter((line) => line !== null);
    return {
      uid: `${row.id}@tapsyrma`,
      date: row.deadline,
      summary,
      description: description.join("\n"),
      url,
      sequence: row.version,
      lastModified: row.updated_at,
      // 09:00 on the day before, in the reader's own calendar: the start is a floating midnight.
      alarm: { trigger: "-PT15H", description: t("calendar.feed.alarm", { summary }) },
    };
  });
  return buildCalendar({
    prodId: `-//Tapsyrma//Deadlines//${language.toUpperCase()}`,
    name: t("calendar.feed.name"),
    stamp: now,
    refreshInterval: "PT1H",
    events,
  });
}
