import { isoToAlmatyWallClock } from "../domain/calendar";
import type { Language } from "./index";

/*
 * Dates are formatted here, not by Intl's locale data: Chromium ships without Kazakh date patterns
 * ("2026 М11 25"), so Intl would print different text on the server and in the browser. Month names
 * are the languages' own. See docs/decisions/004.
 */

const MONTHS: Record<Language, readonly string[]> = {
  kk: ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"],
  ru: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

function longDate(year: number, month: number, day: number, language: Language): string {
  const name = MONTHS[language][month - 1];
  if (language === "kk") return `${year} жылғы ${day} ${name}`;
  if (language === "ru") return `${day} ${name} ${year} г.`;
  return `${day} ${name} ${year}`;
}

/** A deadline or other calendar date ("YYYY-MM-DD"): no time zone may shift it. */
export function formatDate(date: string | null | undefined, language: Language): string {
  if (!date) return "";
  const [year, month, day] = date.slice(0, 10).split("-").map(Number);
  if (!year || !month || !day) return date;
  return longDate(year, month, day, language);
}

/**
 * A moment (ISO timestamp), shown as Almaty wall-clock time: the same fixed UTC+5 the forms store it with
 * (app/domain/calendar.ts), so a 2020 meeting entered as 10:00 shows 10:00, though Almaty was UTC+6 then.
 */
export function formatDateTime(at: string | null | undefined, language: Language): string {
  if (!at) return "";
  if (Number.isNaN(Date.parse(at))) return at;
  const { date, time } = isoToAlmatyWallClock(at);
  const [year, month, day] = date.split("-").map(Number);
  return `${longDate(year, month, day, language)}, ${time}`;
}

// Kazakh writes numbers as Russian does (5 163,5); Russian data is in every browser, Kazakh is not.
const NUMBER_LOCALES: Record<Language, string> = { kk: "ru-RU", ru: "ru-RU", en: "en-GB" };

// One formatter per language: building an Intl.NumberFormat per number was 3 % of the server's time under load.
const numberFormats = new Map<Language, Intl.NumberFormat>();

export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(NUMBER_LOCALES[language])));
  return format.format(value);
}

const STANDALONE_MONTHS: Record<Language, readonly string[]> = {
  kk: MONTHS.kk,
  ru: ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

/** A month ("2026-11") as a short label: "қараша 2026", "ноябрь 2026", "Nov 2026". */
export function formatMonth(month: string, language: Language): string {
  const [year, number] = month.split("-").map(Number);
  return `${STANDALONE_MONTHS[language][number - 1]} ${year}`;
}
