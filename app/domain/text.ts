/** Text as stored: NFC (one code point per Kazakh letter), trimmed. */
export function normalizeText(value: string): string {
  return value.normalize("NFC").trim();
}

/** Text as searched: NFC, Unicode lower case, one space between words (so "ӘКІМДІГІ" finds "әкімдігі"). */
export function foldForSearch(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((part): part is string => Boolean(part))
    .join(" ")
    .normalize("NFC")
    .toLocaleLowerCase("kk")
    .replace(/\s+/g, " ")
    .trim();
}

/** A LIKE pattern for a folded query, with LIKE's own wildcards escaped (use with `escape '\'`). */
export function likePattern(query: string): string {
  return `%${foldForSearch(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Kazakh collation orders ә after а, ғ after г, and so on; Russian words sort the same way under it.
const collator = new Intl.Collator("kk", { sensitivity: "base", numeric: true });

/** Sorts by a text key in Kazakh/Russian alphabetical order (not SQLite's byte order). */
export function sortByText<T>(rows: T[], key: (row: T) => string): T[] {
  return [...rows].sort((a, b) => collator.compare(key(a), key(b)));
}

type Maybe = string | null | undefined;

/** What a search for an organization looks through: its names in every language and its short names. */
export function organizationSearchText(o: {
  name_kk: string;
  name_ru: string;
  name_en: string;
  short_name_kk?: Maybe;
  short_name_ru?: Maybe;
  short_name_en?: Maybe;
  code?: Maybe;
}): string {
  return foldForSearch(o.name_kk, o.name_ru, o.name_en, o.short_name_kk, o.short_name_ru, o.short_name_en, o.code);
}

export function personSearchText(p: { full_name: string; position?: Maybe }): string {
  return foldForSearch(p.full_name, p.position);
}

export function meetingSearchText(m: { title: string; summary?: Maybe; protocol_number?: Maybe; place?: Maybe }): string {
  return foldForSearch(m.title, m.summary, m.protocol_number, m.place);
}

export function instructionSearchText(i: { text: string; number?: Maybe; deadline_note?: Maybe }): string {
  return foldForSearch(i.number, i.text, i.deadline_note);
}
