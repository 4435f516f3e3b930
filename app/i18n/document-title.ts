import type { MessageKey } from "./index";

/**
 * The few texts document titles need travel in the root loader's data (meta functions run outside React, so
 * they cannot read the catalogue the page loads as a script). A key used in a title must be listed here.
 */
export const TITLE_KEYS = [
  "app.name",
  "app.tagline",
  "login.title",
  "calendar.title",
  "search.title",
  "twoFactor.signIn.title",
  "twoFactor.title",
  "directory.organizations.title",
  "directory.organizations.new",
  "directory.organizations.editTitle",
  "directory.people.title",
  "directory.people.new",
  "directory.people.editTitle",
  "protocol.heading",
  "minutes.protocolNumber",
] as const satisfies readonly MessageKey[];
export type TitleKey = (typeof TITLE_KEYS)[number];

/** "<page> · Tapsyrma" from the root loader's titles, for a route's meta function. */
export function documentTitle(matches: readonly { id: string; data?: unknown }[], key?: TitleKey) {
  const titles = (matches.find((match) => match.id === "root")?.data as { titles?: Partial<Record<TitleKey, string>> } | undefined)?.titles;
  const app = titles?.["app.name"] ?? "Tapsyrma";
  const page = key ? titles?.[key] : titles?.["app.tagline"];
  return [{ title: page ? `${key ? page : app} · ${key ? app : page}` : app }];
}
