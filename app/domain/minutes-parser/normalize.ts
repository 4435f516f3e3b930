import { EN_MONTH, KK_MONTH, RU_MONTH } from "./dates";

/*
 * Press text as pasted from a news site or a PDF: NBSPs, initials cut from surnames by a line break,
 * paragraphs without full stops, menus, share buttons, "read also" lists, datelines, a headline repeated
 * at the bottom. This step turns it into clean paragraphs and keeps the bits later steps need (the
 * headline, stray dates).
 */

export interface NormalizedText {
  /** Content paragraphs, one logical paragraph each, clutter removed. */
  paragraphs: string[];
  /** The headline (first paragraph), when the text seems to have one. */
  headline: string | null;
  /** The headline is only a headline (not repeated as body text): its instructions duplicate the body's. */
  headlineIsSummary: boolean;
  /** Stray date lines ("15 октября 2024, 12:30"): the publication date, a fallback for the meeting date. */
  datelines: string[];
  /** Lines dropped as page clutter. */
  dropped: string[];
}

/** NFC, one kind of space, no invisible characters, plain hyphens. */
export function normalizeCharacters(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?|\u2028|\u2029/g, "\n")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\u00A0\u2007\u202F\u2000-\u200A\u3000\t\f\v]/g, " ")
    .replace(/[\u2010\u2011]/g, "-")
    .replace(/ {2,}/g, " ");
}

// "А.Жұмағалиев" → "А. Жұмағалиев"; "министрі А Жұмағалиев" → "министрі А. Жұмағалиев".
function spaceInitials(line: string): string {
  return line
    .replace(/(?<![\p{L}])(\p{Lu})\.(?=\p{Lu}\p{Ll})/gu, "$1. ")
    .replace(/(?<=\p{Ll},? )(\p{Lu}) (?=\p{Lu}\p{Ll}{2,})/gu, "$1. ");
}

const ENDS_WITH_INITIAL = /(?:^|[\s,;(«"“„])((?:\p{Lu}\.\s?){0,2}\p{Lu})\.?$/u;
const STARTS_WITH_SURNAME = /^\p{Lu}\p{Ll}/u;

/** Joins "… министрі А" + "Жұмағалиев, …" into "… министрі А. Жұмағалиев, …". */
export function joinSplitInitials(lines: string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    const previous = out.length > 0 ? out[out.length - 1] : null;
    if (previous && line && STARTS_WITH_SURNAME.test(line) && ENDS_WITH_INITIAL.test(previous)) {
      out[out.length - 1] = `${previous.replace(/\.?$/, ".")} ${line}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

// Whole lines that are site furniture in any of the three languages.
const NAV_WORDS = new Set(
  [
    "главная", "новости", "политика", "экономика", "общество", "регионы", "в мире", "спорт", "культура", "происшествия",
    "правительство", "пресс-центр", "мультимедиа", "фото", "видео", "контакты", "о нас", "поиск", "меню", "вход",
    "подписаться", "поделиться", "печать", "версия для печати", "копировать ссылку", "комментарии", "все новости",
    "басты бет", "жаңалықтар", "саясат", "қоғам", "аймақтар", "әлем", "мәдениет", "оқиғалар", "үкімет", "баспасөз орталығы",
    "байланыс", "іздеу", "мәзір", "кіру", "жазылу", "бөлісу", "басып шығару", "сілтемені көшіру", "пікірлер", "барлық жаңалықтар",
    "home", "news", "politics", "economy", "society", "regions", "world", "sport", "sports", "culture", "incidents",
    "government", "press center", "press centre", "multimedia", "photo", "video", "contacts", "about us", "search", "menu",
    "login", "subscribe", "share", "print", "copy link", "comments", "all news", "tweet",
    "facebook", "twitter", "x", "telegram", "whatsapp", "vk", "вконтакте", "одноклассники", "ok", "instagram", "youtube",
    "tiktok", "linkedin", "email", "e-mail", "viber", "threads",
    "рус", "каз", "қаз", "eng", "ru", "kz", "en", "kk", "қазақша", "русский", "english",
  ].map((w) => w.toLowerCase()),
);

const READ_ALSO =
  /^(?:читайте\s+(?:также|далее|еще|ещё)|также\s+читайте|смотрите\s+также|похожие\s+(?:новости|материалы)|другие\s+новости|последние\s+новости|популярное|рекомендуем|сондай-ақ\s+оқыңыз|оқи\s+отырыңыз|ұқсас\s+(?:жаңалықтар|материалдар)|тағы\s+оқыңыз|басқа\s+жаңалықтар|read\s+(?:also|more)|see\s+also|also\s+read|related(?:\s+(?:news|articles|stories))?|more\s+news|latest\s+news|most\s+read|popular)(?![\p{L}])\s*:?\s*(.*)$/iu;

const META_LINE =
  /^(?:теги|тэги|тегтер|tags|источник|дереккөз|source|фото|photo|сурет|автор|author|видео|video|просмотров|қаралым|views|комментарии|пікірлер|comments|поделиться\s+в|share\s+on|бөлісу)(?![\p{L}])\s*:?/iu;

const COPYRIGHT = /©|все права защищены|барлық құқықтар қорғалған|all rights reserved|при использовании материалов|материалдарды пайдаланған кезде/iu;

const SUBSCRIBE = /^(?:подписывайтесь|подпишитесь|жазылыңыз|subscribe|follow us|бізді .* оқыңыз|читайте нас)(?![\p{L}])/iu;

const TIME = "\\d{1,2}:\\d{2}";
const DATE_PART = `(?:\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+(?:${RU_MONTH}|${KK_MONTH}|${EN_MONTH})(?:\\s+\\d{4})?(?:\\s*(?:года|г\\.|ж\\.|жыл))?|(?:${EN_MONTH})\\s+\\d{1,2},?(?:\\s+\\d{4})?|\\d{4}\\s*(?:жылғы|ж\\.)\\s+\\d{1,2}\\s+${KK_MONTH}|сегодня|вчера|бүгін|кеше|today|yesterday)`;
const DATELINE = new RegExp(
  `^(?:(?:опубликовано|обновлено|жарияланды|жаңартылды|published|updated|дата)\\s*:?\\s*)?(?:[\\p{Lu}][\\p{L}-]+,\\s*)?${DATE_PART}(?:[\\s,|•·–-]*${TIME})?(?:[\\s|•·]*\\d+)?(?:\\s*[|•·]\\s*[\\p{L} ]{1,30})?\\s*$|^${TIME}(?:[\\s,|•·]*${DATE_PART})?\\s*$`,
  "iu",
);

function isNavigation(line: string): boolean {
  const parts = line
    .toLowerCase()
    .split(/\s*[/>»|•·]\s*|\s{2,}/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return false;
  return parts.every((p) => NAV_WORDS.has(p) || /^share on \w+$/.test(p));
}

function isCounterLine(line: string): boolean {
  return /^[\d\s.,:|•·👁❤💬]+$/u.test(line) || /^(?:https?:\/\/|www\.)\S+$/iu.test(line) || /^(?:#[\p{L}\p{N}_]+\s*)+$/u.test(line);
}

const TERMINAL = /[.!?…»"”)]$/u;

function wordCount(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A line that is a title or a list item of other stories, not a sentence of this one. */
function looksLikeHeadline(line: string): boolean {
  return !/[.!?…;]$/u.test(line) && wordCount(line) <= 25;
}

interface Classified {
  kept: string[];
  dropped: string[];
  datelines: string[];
}

function classifyLines(lines: string[]): Classified {
  const kept: string[] = [];
  const dropped: string[] = [];
  const datelines: string[] = [];
  let readAlso = 0; // headline lines still to skip after a "read also" marker
  for (const line of lines) {
    if (!line) {
      readAlso = 0;
      kept.push("");
      continue;
    }
    if (readAlso > 0) {
      if (looksLikeHeadline(line)) {
        dropped.push(line);
        readAlso--;
        continue;
      }
      readAlso = 0;
    }
    const readAlsoMatch = READ_ALSO.exec(line);
    if (readAlsoMatch && wordCount(line) <= 25) {
      dropped.push(line);
      // "Читайте также:" alone heads a list; "Читайте также: <title>" is a one-line link.
      readAlso = readAlsoMatch[1].trim() === "" ? 6 : 0;
      continue;
    }
    if (DATELINE.test(line)) {
      datelines.push(line);
      dropped.push(line);
      continue;
    }
    if (isNavigation(line) || META_LINE.test(line) || COPYRIGHT.test(line) || SUBSCRIBE.test(line) || isCounterLine(line)) {
      dropped.push(line);
      continue;
    }
    kept.push(line);
  }
  return { kept, dropped, datelines };
}

const JOINING_END = /(?:[,(\-–—]|\s(?:и|в|во|на|по|с|со|к|о|об|для|при|от|из|а|не|және|мен|пен|бен|of|the|and|to|for|with|a|an|in|on|by))$/iu;

/** Joins hard-wrapped lines into paragraphs: a line continues the previous one when it starts in lower case. */
function joinWrappedLines(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (!line) {
      if (current !== null) paragraphs.push(current);
      current = null;
      continue;
    }
    if (current !== null) {
      const continues = (!TERMINAL.test(current) && /^\p{Ll}/u.test(line)) || JOINING_END.test(current);
      if (continues) {
        current = /\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line) ? current.slice(0, -1) + line : `${current} ${line}`;
        continue;
      }
      paragraphs.push(current);
    }
    current = line;
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}

function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Very short lines between clutter that are not sentences (section names, leftover buttons). */
function dropStrayShortLines(paragraphs: string[], dropped: string[]): string[] {
  return paragraphs.filter((p, i) => {
    const short = wordCount(p) <= 2 && !/[.!?…:;]$/u.test(p) && !/\d/.test(p) && p !== p.toUpperCase();
    // The last line may be a surname continuation of a split initial; that was joined already.
    if (short && paragraphs.length > 2 && i > 0) {
      dropped.push(p);
      return false;
    }
    return true;
  });
}

export function normalizeSource(source: string): NormalizedText {
  const text = normalizeCharacters(source);
  const lines = joinSplitInitials(text.split("\n").map((l) => spaceInitials(l.trim())));
  const { kept, dropped, datelines } = classifyLines(lines);
  let paragraphs = dropStrayShortLines(joinWrappedLines(kept), dropped);

  // A headline repeated further down: the repeat is either the body's own sentence (it ends like one) or
  // a page title printed again (it does not). Keep one copy either way.
  let headline: string | null = null;
  let headlineIsSummary = false;
  if (paragraphs.length > 1) {
    const first = paragraphs[0];
    const firstKey = fold(first);
    const repeatAt = paragraphs.findIndex((p, i) => i > 0 && p.length === first.length && fold(p) === firstKey);
    if (repeatAt > 0) {
      headline = first;
      if (/[.!?…]$/u.test(first)) {
        paragraphs = paragraphs.slice(1);
      } else {
        paragraphs = paragraphs.filter((_, i) => i !== repeatAt);
        headlineIsSummary = true;
      }
    } else if (looksLikeHeadline(first) && wordCount(first) >= 3) {
      headline = first;
      headlineIsSummary = true;
    }
  }
  // Any other paragraph printed twice (a lead repeated under a photo) counts once.
  const seen = new Set<string>();
  paragraphs = paragraphs.filter((p) => {
    const key = fold(p);
    if (key.length > 20 && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { paragraphs, headline, headlineIsSummary, datelines, dropped };
}
