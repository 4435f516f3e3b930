export interface Sentence {
  text: string;
  /** Index of the paragraph it comes from. */
  paragraph: number;
  /** Position among all sentences. */
  index: number;
  /** First sentence of its paragraph. */
  opensParagraph: boolean;
}

// Abbreviations after which a full stop does not end a sentence (lower-cased, without the stop).
const ABBREVIATIONS = new Set([
  "г", "гг", "т", "д", "п", "пп", "ст", "им", "ул", "обл", "р-н", "млн", "млрд", "трлн", "тыс", "руб", "тг", "см", "напр",
  "т.е", "т.д", "т.п", "т.б", "т.с.с", "ж", "жж", "б", "мыс", "тәр", "млн", "mr", "mrs", "ms", "dr", "no", "nos", "st",
  "e.g", "i.e", "etc", "vs", "inc", "ltd", "jr", "sr", "co", "corp", "approx", "art", "para", "vol", "pp", "fig",
]);

const BOUNDARY = /[.!?…]+["»”)]*\s+(?=["«“„(–—-]?\s*[\p{Lu}\p{N}])/gu;

/** Splits a paragraph into sentences at a full stop (or ! ? …) followed by a capital or digit. */
export function splitParagraph(paragraph: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of paragraph.matchAll(BOUNDARY)) {
    const at = match.index ?? 0;
    // Only the tail matters (and looking at the whole prefix each time would be quadratic).
    const tail = paragraph.slice(Math.max(start, at - 24), at);
    const lastWord = /([\p{L}\p{N}.-]+)$/u.exec(tail)?.[1] ?? "";
    // An initial ("А. Мамин"), an abbreviation ("г. Астана"), or a point number ("1.", "2.1.") at the start.
    if (/^\p{Lu}$/u.test(lastWord) || /^(?:\p{Lu}\.)+\p{Lu}$/u.test(lastWord)) continue;
    if (ABBREVIATIONS.has(lastWord.toLowerCase())) continue;
    if (at - start <= 16 && /^\s*(?:\d+(?:\.\d+)*|[IVXLC]+|\p{L})$/u.test(paragraph.slice(start, at))) continue;
    const end = at + match[0].trimEnd().length;
    sentences.push(paragraph.slice(start, end).trim());
    start = at + match[0].length;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}

export function splitSentences(paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((paragraph, p) => {
    splitParagraph(paragraph).forEach((text, i) => {
      out.push({ text, paragraph: p, index: out.length, opensParagraph: i === 0 });
    });
  });
  return out;
}
