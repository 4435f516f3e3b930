import { describe, expect, it } from "vitest";
import { addDays, almatyDate, daysBetween, isCalendarDate, isWithinDeadline } from "../../app/domain/calendar";
import { daysOverdue, isOverdue } from "../../app/domain/lifecycle";

describe("calendar dates in Almaty", () => {
  it("takes today's date from Almaty, not UTC", () => {
    expect(almatyDate(new Date("2026-11-24T18:59:59Z"))).toBe("2026-11-24");
    expect(almatyDate(new Date("2026-11-24T19:00:00Z"))).toBe("2026-11-25");
  });

  it("adds days across months and leap years, and counts them back", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(daysBetween("2026-11-01", "2026-12-01")).toBe(30);
  });

  it("accepts only real dates", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("26-2-3")).toBe(false);
  });

  it("counts a report filed before midnight Almaty on the deadline as on time", () => {
    expect(isWithinDeadline("2026-12-31T18:59:59.999Z", "2026-12-31")).toBe(true);
    expect(isWithinDeadline("2026-12-31T19:00:00.000Z", "2026-12-31")).toBe(false);
  });
});

describe("overdue is derived", () => {
  it("is overdue only when open and past the deadline", () => {
    expect(isOverdue({ status: "in_progress", deadline: "2026-11-20" }, "2026-11-24")).toBe(true);
    expect(isOverdue({ status: "in_progress", deadline: "2026-11-24" }, "2026-11-24")).toBe(false);
    expect(isOverdue({ status: "done", deadline: "2026-11-20" }, "2026-11-24")).toBe(false);
    expect(isOverdue({ status: "cancelled", deadline: "2026-11-20" }, "2026-11-24")).toBe(false);
    expect(isOverdue({ status: "assigned", deadline: null }, "2026-11-24")).toBe(false);
    expect(daysOverdue({ status: "reported", deadline: "2026-11-20" }, "2026-11-24")).toBe(4);
  });
});
