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

/** An Almaty wall-clock date and time ("2026-11-10", "10:00") as a UTC ISO timestamp. Almaty is UTC+5 all year. */
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
