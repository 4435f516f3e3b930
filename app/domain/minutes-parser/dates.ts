import { isCalendarDate } from "../calendar";

// Month names with every case ending the three languages put on them: a stem and a lookahead for the ending.
// Kazakh: "сәуір", "сәуірге", "сәуірдің"; Russian: "апреля", "апрель", "апреле"; English: "April", "Apr.".
const KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];
const RU_MONTHS = ["январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
const EN_MONTHS = ["jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?", "sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"];

const L = "\\p{L}";

/** A regex source matching a Kazakh month name in any case form (captures nothing). */
export const KK_MONTH = `(?:${KK_MONTHS.join("|")})${L}*`;
export const RU_MONTH = `(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)${L}*`;
export const EN_MONTH = `(?:${EN_MONTHS.join("|")})\\.?(?!${L})`;

export function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  for (let i = 0; i < 12; i++) {
    if (w.startsWith(KK_MONTHS[i])) return i + 1;
  }
  for (let i = 0; i < 12; i++) {
    if (new RegExp(`^${RU_MONTHS[i]}`, "u").test(w)) return i + 1;
  }
  for (let i = 0; i < 12; i++) {
    if (new RegExp(`^${EN_MONTHS[i]}\\.?$`, "u").test(w)) return i + 1;
  }
  return null;
}

export function isoDate(year: number, month: number, day: number): string | null {
  if (year < 100) year += 2000;
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isCalendarDate(value) ? value : null;
}

/** Last day of a month. */
export function endOfMonth(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(year, month, last) as string;
}

/**
 * A day and month without a year: the first such date on or after the meeting date (a deadline
 * of "15 April" set on 20 May means next April). Null without a meeting date.
 */
export function nextOccurrence(month: number, day: number, meetingDate: string | null): string | null {
  if (!meetingDate) return null;
  const year = Number(meetingDate.slice(0, 4));
  const same = isoDate(year, month, day);
  if (same && same >= meetingDate) return same;
  return isoDate(year + 1, month, day);
}

export interface FoundDate {
  date: string;
  start: number;
  end: number;
  text: string;
}

// Full dates (with a year) in any of the three languages.
const FULL_DATE_PATTERNS: RegExp[] = [
  // 14.04.2020, 14/04/2020, 14.04.20
  /(?<![\p{N}.])(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})(?![\p{N}])/gu,
  // 2020-04-14
  /(?<![\p{N}])(\d{4})-(\d{2})-(\d{2})(?![\p{N}])/gu,
  // 14 апреля 2020 года, 14 April 2020, 12 қыркүйек 2023
  new RegExp(`(?<![\\p{N}])(\\d{1,2})\\s*(?:-?(?:го|ші|шы|інші|ыншы))?\\s+(${RU_MONTH}|${KK_MONTH}|${EN_MONTH})\\s*,?\\s+(\\d{4})`, "giu"),
  // April 14, 2020
  new RegExp(`(${EN_MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})`, "giu"),
  // 2020 жылғы 14 сәуір, 2020 жылдың 14 сәуірі
  new RegExp(`(\\d{4})\\s*(?:жылғы|жылдың|ж\\.)\\s+(\\d{1,2})\\s+(${KK_MONTH})`, "giu"),
];

/** Every full date (day, month, year) written in a text, in order. */
export function findFullDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  FULL_DATE_PATTERNS.forEach((pattern, index) => {
    for (const m of text.matchAll(pattern)) {
      let date: string | null = null;
      if (index === 0) date = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
      else if (index === 1) date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
      else if (index === 2) {
        const month = monthNumber(m[2]);
        date = month ? isoDate(Number(m[3]), month, Number(m[1])) : null;
      } else if (index === 3) {
        const month = monthNumber(m[1]);
        date = month ? isoDate(Number(m[3]), month, Number(m[2])) : null;
      } else {
        const month = monthNumber(m[3]);
        date = month ? isoDate(Number(m[1]), month, Number(m[2])) : null;
      }
      if (date) {
        const start = m.index ?? 0;
        found.push({ date, start, end: start + m[0].length, text: m[0] });
      }
    }
  });
  found.sort((a, b) => a.start - b.start);
  return found.filter((d, i) => i === 0 || d.start >= found[i - 1].end);
}
