import { createContext, useContext, useMemo } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "../root";
import { DEFAULT_LANGUAGE, makeTranslate, type Language, type Messages } from "./index";
import { formatDate, formatDateTime, formatNumber } from "./format";

declare global {
  interface Window {
    /** Set by the catalogue script (/i18n/<language>.<hash>.js) before the page hydrates. */
    __tapsyrmaI18n?: { language: Language; messages: Messages };
  }
}

/** The server renders with the reader's catalogue from here (app/entry.server.tsx); the browser has its script. */
const MessagesContext = createContext<Messages | null>(null);
export const MessagesProvider = MessagesContext.Provider;

/** The reader's language and the translate/format functions. */
export function useI18n() {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const fromServer = useContext(MessagesContext);
  const loaded = typeof window === "undefined" ? undefined : window.__tapsyrmaI18n;
  const language: Language = root?.language ?? loaded?.language ?? DEFAULT_LANGUAGE;
  const messages = fromServer ?? loaded?.messages;
  return useMemo(
    () => ({
      language,
      // Without a catalogue (its script failed to load) keys show rather than nothing.
      t: makeTranslate(messages ?? ({} as Messages)),
      date: (value: string | null | undefined) => formatDate(value, language),
      dateTime: (value: string | null | undefined) => formatDateTime(value, language),
      number: (value: number) => formatNumber(value, language),
    }),
    [language, messages],
  );
}
