import { addDays, addMonths, endOfYear } from "./calendar";

/** The human code of an instruction: "<protocol number>/<item>", e.g. "14/2". */
export function instructionCode(protocolNumber: string | null, number: string): string {
  return protocolNumber ? `${protocolNumber}/${number}` : number;
}

export type DeadlineChoice = "date" | "end_of_year" | "one_month" | "ten_days" | "none";

/** The quick deadline choices, counted from the meeting's date (the day the instruction was given). */
export function quickDeadlines(meetingDate: string): Record<"end_of_year" | "one_month" | "ten_days", string> {
  return { end_of_year: endOfYear(meetingDate), one_month: addMonths(meetingDate, 1), ten_days: addDays(meetingDate, 10) };
}

export function resolveDeadline(choice: DeadlineChoice, typed: string | undefined, meetingDate: string): string | null {
  if (choice === "none") return null;
  if (choice === "date") return typed ?? null;
  return quickDeadlines(meetingDate)[choice];
}

/** A deadline may not fall before the meeting that set it. */
export function isDeadlineBeforeMeeting(deadline: string | null | undefined, meetingDate: string): boolean {
  return Boolean(deadline) && (deadline as string) < meetingDate;
}

const numberCollator = new Intl.Collator("en", { numeric: true });
/** Orders "1", "2", "10", "1.1" as people read protocol items. */
export function compareInstructionNumbers(a: string, b: string): number {
  return numberCollator.compare(a, b);
}

/** The next free whole number after the highest one used: "1", "2", … */
export function suggestNextNumber(existing: string[]): string {
  const whole = existing.map((n) => Number.parseInt(n, 10)).filter((n) => Number.isFinite(n));
  return String((whole.length ? Math.max(...whole) : 0) + 1);
}
