import { foldForSearch } from "./text";

/*
 * The search box's pure parts: turning what a user typed into a safe FTS5 query, and reading back the
 * highlighted text the index returns. Shared by the server (query) and the page (marks).
 */

/** What the index puts around a matched word: private-use characters, never HTML, so the page can split on them. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

const MAX_QUERY_LENGTH = 200;
const MAX_WORDS = 10;
// Letters, digits and combining marks: everything else (quotes, *, -, parentheses, ":" …) only separates words.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a query as the index compares them: NFC, lower case, each once, in order. */
export function searchWords(query: string): string[] {
  const words = foldForSearch(query.slice(0, MAX_QUERY_LENGTH)).match(WORD) ?? [];
  return [...new Set(words)].slice(0, MAX_WORDS);
}

/**
 * An FTS5 MATCH expression for a query: every word must appear, as a word or the start of one
 * ("әкімдік" finds "әкімдіктерге"). Each word is a quoted string, so AND, OR, NOT, NEAR, column filters
 * and "*" typed by a user are plain words; one letter alone matches only itself, not every word it starts.
 * Null when nothing searchable is left.
 */
export function ftsMatchExpression(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  return words.map((word) => `"${word.replace(/"/g, '""')}"${[...word].length > 1 ? "*" : ""}`).join(" ");
}

/**
 * The same query for PostgreSQL's to_tsquery('simple', …): every word, as a quoted lexeme, a prefix unless it
 * is one letter. Words hold only letters, digits and marks, so nothing a user types becomes an operator.
 */
export function tsQueryText(query: string): string | null {
  const words = searchWords(query);
  if (words.length === 0) return null;
  return words.map((word) => `'${word}'${[...word].length > 1 ? ":*" : ""}`).join(" & ");
}

/** Whether a word of a text is one the query's words find: the same rule as the index (prefix, one letter exact). */
function matcher(query: string): (token: string) => boolean {
  const words = searchWords(query);
  return (token) => {
    const folded = foldForSearch(token);
    return words.some((word) => ([...word].length > 1 ? folded.startsWith(word) : folded === word));
  };
}

/**
 * Marks the matched words of a text with MARK_START/MARK_END, as FTS5's highlight() does; with `window`, cuts
 * the text to about that many words around the first match, with "…" where it was cut, as snippet() does.
 * For PostgreSQL, whose ts_headline drops anything that looks like an HTML tag from its fragments.
 */
export function markMatches(text: string, query: string, window?: number): string {
  const isMatch = matcher(query);
  // Alternating runs: separators, then a word, then separators…
  const pieces = text.split(/([\p{L}\p{N}\p{M}]+)/u);
  const wordIndexes = pieces.map((_, index) => index).filter((index) => index % 2 === 1);
  let from = 0;
  let to = pieces.length;
  if (window !== undefined && wordIndexes.length > window) {
    const first = wordIndexes.findIndex((index) => isMatch(pieces[index]));
    const start = Math.max(0, Math.min(first < 0 ? 0 : first - Math.floor(window / 4), wordIndexes.length - window));
    from = start === 0 ? 0 : wordIndexes[start];
    to = start + window >= wordIndexes.length ? pieces.length : wordIndexes[start + window - 1] + 1;
  }
  const marked = pieces
    .slice(from, to)
    .map((piece, offset) => ((from + offset) % 2 === 1 && isMatch(piece) ? `${MARK_START}${piece}${MARK_END}` : piece))
    .join("");
  return `${from > 0 ? "…" : ""}${marked}${to < pieces.length ? "…" : ""}`;
}

export interface MarkedPart {
  text: string;
  marked: boolean;
}

/** Splits index output into plain and matched runs; a stray marker is dropped, never shown. */
export function splitMarked(value: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let current = "";
  const flush = () => {
    if (current) parts.push({ text: current, marked });
    current = "";
  };
  for (const character of value) {
    if (character === MARK_START || character === MARK_END) {
      flush();
      marked = character === MARK_START;
    } else {
      current += character;
    }
  }
  flush();
  return parts;
}

/** Longer queries are cut, not refused: the first words still search. */
export const SEARCH_QUERY_MAX_LENGTH = 200;
