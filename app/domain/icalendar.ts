/*
 * A small iCalendar (RFC 5545) writer for the deadline feed: all-day events with a reminder, nothing more.
 * Written here rather than taken from a library: the subset is small, and the current ical-generator
 * needs Node 22 while this app supports Node 20. The rules that clients are strict about:
 * CRLF line endings, lines folded at 75 octets (never inside a UTF-8 character), TEXT values escaped.
 */

export interface CalendarEvent {
  /** Stable across fetches, so a client updates the event instead of adding a copy. */
  uid: string;
  /** The all-day date, "YYYY-MM-DD". */
  date: string;
  summary: string;
  description: string;
  url?: string;
  /** Grows when the event changes (the assignment's version). */
  sequence?: number;
  /** ISO-8601 UTC timestamp. */
  lastModified?: string;
  /** A reminder before the event's start, e.g. "-PT15H"; its text is shown by the client. */
  alarm?: { trigger: string; description: string };
}

export interface CalendarFeed {
  prodId: string;
  name: string;
  /** When this copy was made (ISO-8601 UTC): every event's DTSTAMP. */
  stamp: string;
  /** How often clients should fetch again, as an RFC 5545 duration ("PT1H"). */
  refreshInterval?: string;
  events: CalendarEvent[];
}

const MAX_LINE_OCTETS = 75;

/**
 * A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters (which
 * TEXT may not hold) dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, "\n")
    // eslint-disable-next-line no-control-regex -- matching control characters is the point here
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");
}

/** Octets of one code point in UTF-8 (a lone surrogate is written as U+FFFD: three). */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line so no physical line exceeds 75 octets: a break is CRLF plus one space, and falls
 * between characters, never inside one (a surrogate pair or a UTF-8 sequence stays whole).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    // Continuation lines begin with the space that marks them, which counts toward their 75.
    if (octets + size > MAX_LINE_OCTETS) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n");
}

/** "2026-11-24" → "20261124" (a DATE value). */
export function icsDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`icsDate: not a YYYY-MM-DD date: ${date}`);
  return date.replaceAll("-", "");
}

/** An ISO-8601 moment as a UTC DATE-TIME value: "20261124T090000Z". */
export function icsDateTime(iso: string): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) throw new Error(`icsDateTime: not a timestamp: ${iso}`);
  return moment.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

function nextDay(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  parsed.setUTCDate(parsed.getUTCDate() + 1);
  return parsed.toISOString().slice(0, 10);
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${icsDateTime(stamp)}`,
    // A DATE start is a floating all-day event: the deadline day wherever the reader's calendar is.
    `DTSTART;VALUE=DATE:${icsDate(event.date)}`,
    `DTEND;VALUE=DATE:${icsDate(nextDay(event.date))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
  ];
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
  if (event.lastModified) lines.push(`LAST-MODIFIED:${icsDateTime(event.lastModified)}`);
  // A deadline is not a meeting: it must not show the reader as busy all day.
  lines.push("TRANSP:TRANSPARENT", "STATUS:CONFIRMED");
  if (event.alarm) {
    lines.push(
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      `TRIGGER;RELATED=START:${event.alarm.trigger}`,
      `DESCRIPTION:${escapeText(event.alarm.description)}`,
      "END:VALARM",
    );
  }
  lines.push("END:VEVENT");
  return lines;
}

/** The whole calendar object as text: folded lines, each ending in CRLF. */
export function buildCalendar(feed: CalendarFeed): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${feed.prodId}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    // NAME and REFRESH-INTERVAL are RFC 7986; the X-WR- and X-PUBLISHED- forms are what Outlook and Google read.
    `NAME:${escapeText(feed.name)}`,
    `X-WR-CALNAME:${escapeText(feed.name)}`,
  ];
  if (feed.refreshInterval) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${feed.refreshInterval}`, `X-PUBLISHED-TTL:${feed.refreshInterval}`);
  }
  for (const event of feed.events) lines.push(...eventLines(event, feed.stamp));
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
