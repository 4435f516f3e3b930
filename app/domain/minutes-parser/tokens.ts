// Small text helpers shared by the parser's steps.

export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  /** A word (letters or digits), as opposed to a punctuation mark. */
  word: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[-'’ʼ][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;
const WORD_START = /[\p{L}\p{N}]/u;

// The same sentence is tokenized by several steps of one parse; a small bounded memo keeps that linear.
// Tokens are never mutated by callers and depend on the text only; parseMinutes clears the memo on entry,
// so nothing is carried from one call to the next.
const memo = new Map<string, Token[]>();
const MEMO_LIMIT = 512;

export function clearTokenMemo(): void {
  memo.clear();
}

export function tokenize(text: string): Token[] {
  const cached = memo.get(text);
  if (cached) return cached;
  const tokens = tokenizeUncached(text);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, tokens);
  return tokens;
}

function tokenizeUncached(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const value = match[0];
    const start = match.index ?? 0;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      start,
      end: start + value.length,
      word: WORD_START.test(value[0]),
    });
  }
  return tokens;
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function capitalizeFirst(text: string): string {
  if (!text) return text;
  const first = text.codePointAt(0) ?? 0;
  const char = String.fromCodePoint(first);
  return char.toUpperCase() + text.slice(char.length);
}

/** One space between words, no space before punctuation that closes. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Content words of a text, folded and cut to a stem, for comparing quotes and names. */
export function stems(text: string, length = 5): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, length));
}

/**
 * Is `index` inside a quoted name ("Қазақтелеком", «Правительство для граждан»)? Direct speech is quoted
 * too, but runs long or past the end of the sentence: a quote counts as a name only when it closes within
 * a few words. Nested «…«…»» are read flat.
 */
export function insideQuotes(text: string, index: number): boolean {
  let open = -1;
  for (let i = 0; i < index && i < text.length; i++) {
    const c = text[i];
    if (c === "«" || c === "“" || c === "„") open = i;
    else if (c === "»" || c === "”") open = -1;
    else if (c === '"') open = open >= 0 && text[open] === '"' ? -1 : i;
  }
  if (open < 0) return false;
  const closer = text[open] === '"' ? /"/u : /[»”]/u;
  const rest = text.slice(index);
  const close = closer.exec(rest);
  if (!close) return false;
  const span = text.slice(open + 1, index + close.index);
  return span.split(/\s+/).filter(Boolean).length <= 6;
}
