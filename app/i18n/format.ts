import { LOCALES, type Language } from "./index";

export const TIME_ZONE = "Asia/Almaty";

/** A deadline or other calendar date ("YYYY-MM-DD"): no time zone may shift it. */
export function formatDate(date: string | null | undefined, language: Language): string {
  if (!date) return "";
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date.slice(0, 10)}T00:00:00Z`),
  );
}

/** A moment (ISO timestamp), shown as Almaty wall-clock time. */
export function formatDateTime(at: string | null | undefined, language: Language): string {
  if (!at) return "";
  return new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(new Date(at));
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}
