import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, icsDate, icsDateTime } from "../../app/domain/icalendar";

const octets = (line: string) => new TextEncoder().encode(line).length;

/** Undo folding as a client does: a CRLF followed by one space joins the lines. */
const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("iCalendar text", () => {
  it("escapes backslash, semicolon, comma and every kind of line break", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("drops control characters TEXT may not hold, keeping tabs", () => {
    expect(escapeText("a\u0000b\u0007c\td\u007f")).toBe("abc\td");
  });

  it("keeps short lines as they are", () => {
    expect(foldLine("SUMMARY:14/2")).toBe("SUMMARY:14/2");
  });

  it("folds at 75 octets without splitting a Kazakh letter or a surrogate pair", () => {
    const line = `DESCRIPTION:${"Ақмола облысы әкімдігі қағаз ұсынды 🙂 ".repeat(12)}`;
    const folded = foldLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(5);
    for (const [index, part] of physical.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(" ")).toBe(true);
      // A split inside a character would leave a lone surrogate or U+FFFD after a round trip.
      expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
      expect(/[\ud800-\udbff]$/.test(part)).toBe(false);
    }
    expect(unfold(folded)).toBe(line);
  });

  it("writes dates and UTC timestamps as iCalendar values", () => {
    expect(icsDate("2026-12-31")).toBe("20261231");
    expect(icsDateTime("2026-11-24T09:05:07.123Z")).toBe("20261124T090507Z");
    expect(() => icsDate("31.12.2026")).toThrow();
  });
});

describe("a calendar", () => {
  const text = buildCalendar({
    prodId: "-//Tapsyrma//Deadlines//KK",
    name: "Tapsyrma: мерзімдер",
    stamp: "2026-11-24T10:00:00.000Z",
    refreshInterval: "PT1H",
    events: [
      {
        uid: "0190-a@tapsyrma",
        date: "2026-12-31",
        summary: "14/2 Ақмола облысы: жер учаскелерін бөлу, электрмен жабдықтау",
        description: "Толық мәтін; екінші жол\nhttps://example.kz/assignments/0190-a",
        url: "https://example.kz/assignments/0190-a",
        sequence: 3,
        alarm: { trigger: "-PT15H", description: "Ертең" },
      },
    ],
  });

  it("uses CRLF line endings throughout and ends with one", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("nests its components properly", () => {
    const stack: string[] = [];
    for (const line of unfold(text).split("\r\n").filter(Boolean)) {
      if (line.startsWith("BEGIN:")) stack.push(line.slice(6));
      if (line.startsWith("END:")) expect(stack.pop()).toBe(line.slice(4));
    }
    expect(stack).toEqual([]);
  });

  it("has an all-day event with its date, escaped text and a reminder", () => {
    const lines = unfold(text).split("\r\n");
    expect(lines).toContain("DTSTART;VALUE=DATE:20261231");
    expect(lines).toContain("DTEND;VALUE=DATE:20270101");
    expect(lines).toContain("DTSTAMP:20261124T100000Z");
    expect(lines).toContain("UID:0190-a@tapsyrma");
    expect(lines).toContain("SUMMARY:14/2 Ақмола облысы: жер учаскелерін бөлу\\, электрмен жабдықтау");
    expect(lines).toContain("DESCRIPTION:Толық мәтін\\; екінші жол\\nhttps://example.kz/assignments/0190-a");
    expect(lines).toContain("TRIGGER;RELATED=START:-PT15H");
    expect(lines).toContain("SEQUENCE:3");
  });
});
