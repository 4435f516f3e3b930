// Deadlines are calendar dates in Asia/Almaty ("YYYY-MM-DD"); these helpers never touch the local zone.

export const ALMATY_TIME_ZONE = "Asia/Almaty";

const almatyDateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: ALMATY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Almaty at a moment. */
export function almatyDate(at: Date = new Date()): string {
  return almatyDateFormat.format(at);
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

export function addDays(date: string, days: number): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + days);
  return parsed.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * An Almaty wall-clock date and time ("2026-11-10", "10:00") as a UTC ISO timestamp. Almaty is UTC+5 all year
 * since March 2024; older moments are stored and shown with the same +5 (isoToAlmatyWallClock, formatDateTime),
 * so a time reads back as the minutes state it, whatever the offset was that day.
 */
export function almatyWallClockToIso(date: string, time: string): string {
  return new Date(`${date}T${time}:00+05:00`).toISOString();
}

/**
 * A deadline date ends at midnight Almaty (UTC+5), i.e. 19:00 UTC that day. Appended to "YYYY-MM-DD" it
 * gives the first UTC instant past the deadline, comparable as text with stored timestamps (also in SQL).
 */
export const DEADLINE_END_UTC_SUFFIX = "T19:00:00.000Z";

/** Was a report filed at `at` (ISO timestamp) within the deadline date? */
export function isWithinDeadline(at: string, deadline: string): boolean {
  return at < `${deadline}${DEADLINE_END_UTC_SUFFIX}`;
}

/** A stored moment as the Almaty wall-clock date and time it was ("2026-11-10", "10:00"). */
export function isoToAlmatyWallClock(iso: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(iso) + 5 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The same day `months` later, clamped to the month's end (31 January + 1 month = 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

export function endOfYear(date: string): string {
  return `${date.slice(0, 4)}-12-31`;
}
