import { useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "../root";
import { DEFAULT_LANGUAGE, makeTranslate, type Language } from "./index";
import { kk } from "./kk";
import { formatDate, formatDateTime, formatNumber } from "./format";

/** The reader's language and the translate/format functions, from the root loader. */
export function useI18n() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const language: Language = root?.language ?? DEFAULT_LANGUAGE;
  // The root loader sends only the active catalogue; the fallback covers an error before it ran.
  const messages = root?.messages ?? kk;
  return useMemo(
    () => ({
      language,
      t: makeTranslate(messages),
      date: (value: string | null | undefined) => formatDate(value, language),
      dateTime: (value: string | null | undefined) => formatDateTime(value, language),
      number: (value: number) => formatNumber(value, language),
    }),
    [language, messages],
  );
}
