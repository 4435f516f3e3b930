import { insideQuotes, tokenize, type Token } from "./tokens";
import type { MinutesLanguage } from "./types";

/*
 * People's names as the press writes them: "А. Жұмағалиев", "Бейсембаева Г.Б.", "Асқар Маминнің",
 * "Olzhas Bektenov". Case endings are taken off (Kazakh genitive/dative, Russian genitive/dative) when the
 * caller says the name is not in the nominative.
 */

export interface PersonName {
  /** As written, case ending included. */
  text: string;
  start: number;
  end: number;
  /** Surname, as written. */
  surname: string;
  /** Initials ("А.", "Г.Б.") or the given name, as written. */
  given: string;
  form: "initials-first" | "surname-first" | "full";
}

// Capitalized words that are positions, places or organization words, never a given name or surname.
const NOT_A_NAME = new Set(
  [
    "премьер-министр", "премьер-министрі", "премьер-министра", "премьер-министрінің", "министр", "министрі", "министра",
    "вице-министр", "вице-министрі", "аким", "акима", "әкімі", "глава", "главы", "председатель", "председателя",
    "заместитель", "заместителя", "президент", "президента", "мемлекет", "үкімет", "правительство", "правительства",
    "республики", "республика", "республикасы", "республикасының", "казахстан", "казахстана", "қазақстан", "қазақстанның",
    "рк", "қр", "ао", "ақ", "тоо", "жшс", "нк", "нао", "области", "облысы", "облысының", "города", "қаласы", "қаласының",
    "министерства", "министерство", "министрлігі", "министрлігінің", "агентства", "агенттігі", "комитета", "комитеті",
    "prime", "minister", "ministry", "deputy", "vice", "akim", "akimat", "region", "city", "chairman", "chairwoman", "chair",
    "head", "board", "director", "president", "republic", "kazakhstan", "national", "bank", "jsc", "llp", "agency", "committee",
    "government", "office", "the", "of", "and", "first", "general", "executive", "managing", "state", "secretary",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "солтүстік", "оңтүстік", "шығыс", "батыс",
    "северо", "южно", "восточно", "западно", "astana", "almaty", "shymkent", "астана", "алматы", "шымкент", "астаны",
    "энергетика", "денсаулық", "ауыл", "ұлттық", "цифрлық", "қаржы", "білім", "ғылым", "су", "төтенше", "өнеркәсіп",
    "также", "кроме", "однако", "сондай-ақ", "сонымен", "бұдан", "also", "however", "meanwhile", "according",
    "минздрав", "мчс", "минфин", "мнэ", "мцриап",
  ].map((w) => w.toLowerCase()),
);

const SURNAME_ENDING =
  /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ұлы|улы|қызы|кызы|uly|kyzy|ov|ev|in|yn|ova|eva|ina|yna|sky|skiy|skaya|enko|енко|ук|юк|uk|yuk|бек|bek|бай|bay|bai|баев|bayev|baev)(?:а|у|ым|ом|ой|ою|ы|е|ның|нің|дың|дің|тың|тің|ке|ге|қа|ға|пен|мен|бен|ты|ті|ды|ді|ны|ні|а|у)?$/iu;

const U = "\\p{Lu}";
const LW = "[\\p{Ll}’'ʼ]";
const WORD = `${U}${LW}+(?:-${U}?${LW}+)*`;
const INITIALS = `(?:${U}\\.\\s?){1,2}`;

const INITIALS_FIRST = new RegExp(`(?<![\\p{L}.])(${INITIALS})\\s?(${WORD})`, "gu");
const SURNAME_FIRST = new RegExp(`(?<![\\p{L}])(${WORD})\\s(${U}\\.(?:\\s?${U}\\.)?)(?![\\p{L}])`, "gu");

function isStopWord(word: string): boolean {
  const w = word.toLowerCase();
  return NOT_A_NAME.has(w) || NOT_A_NAME.has(w.split("-")[0]);
}

const PATRONYMIC = /(?:вич|вна|ович|евич|овна|евна|ұлы|улы|қызы|кызы)(?:а|у|ым|ой|ы|е)?$/iu;

/** Names of people in a sentence, left to right, not overlapping, never inside «quotes». */
export function findPersonNames(text: string, options: { roleBefore?: (index: number) => boolean } = {}): PersonName[] {
  const found: PersonName[] = [];
  const push = (name: PersonName) => {
    if (insideQuotes(text, name.start)) return;
    if (found.some((f) => name.start < f.end && f.start < name.end)) return;
    found.push(name);
  };
  for (const m of text.matchAll(INITIALS_FIRST)) {
    if (isStopWord(m[2])) continue;
    const start = m.index ?? 0;
    push({ text: m[0], start, end: start + m[0].length, surname: m[2], given: m[1].replace(/\s+/g, ""), form: "initials-first" });
  }
  for (const m of text.matchAll(SURNAME_FIRST)) {
    if (isStopWord(m[1])) continue;
    const start = m.index ?? 0;
    push({ text: m[0], start, end: start + m[0].length, surname: m[1], given: m[2].replace(/\s+/g, ""), form: "surname-first" });
  }
  // Runs of capitalized words ("Премьер-Министр РК Олжас Бектенов"): the name is the run's last two words
  // (three with a patronymic) after the last position or place word.
  const tokens = tokenize(text);
  let run: Token[] = [];
  let runAt = 0;
  const flush = () => {
    const all = run;
    run = [];
    // Split the run at position/place words and take its last stretch of two or more words:
    // "Премьер-Министр РК Олжас Бектенов" → "Олжас Бектенов"; "Олжас Бектенов Үкімет отырысын" → "Олжас Бектенов".
    const stretches: Token[][] = [[]];
    for (const t of all) {
      if (isStopWord(t.text)) stretches.push([]);
      else stretches[stretches.length - 1].push(t);
    }
    const longEnough = stretches.filter((w) => w.length >= 2);
    if (!longEnough.length) return;
    let words = longEnough[longEnough.length - 1];
    // "Minister of Water Resources and …": a capitalized complement of a position, not a person.
    const previous = tokens[runAt - 1];
    if (words[0] === all[0] && previous && /^(?:of|for|on|the)$/u.test(previous.text) && words.length <= 2) return;
    if (words.length < 2) return;
    if (words.length >= 3 && PATRONYMIC.test(words[words.length - 2].text)) words = words.slice(-3);
    else words = words.slice(-2);
    const given = words[0];
    const last = words[words.length - 1];
    const after = text.slice(last.end, last.end + 16).toLowerCase();
    if (/^\s+(?:облыс|облас|област|қала|город|region|city|ауданы|район)/u.test(after)) return;
    if (!SURNAME_ENDING.test(last.text) && !(options.roleBefore?.(given.start) ?? false)) return;
    push({ text: text.slice(given.start, last.end), start: given.start, end: last.end, surname: last.text, given: given.text, form: "full" });
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const nameLike = t.word && /^\p{Lu}[\p{Ll}’'ʼ]+(?:-\p{Lu}?[\p{Ll}]+)*$/u.test(t.text);
    const adjacent = run.length === 0 || /^\s+$/.test(text.slice(run[run.length - 1].end, t.start));
    if (nameLike && adjacent) {
      if (run.length === 0) runAt = i;
      run.push(t);
      continue;
    }
    flush();
    if (nameLike) {
      runAt = i;
      run.push(t);
    }
  }
  flush();
  return found.sort((a, b) => a.start - b.start);
}

// Genitive, dative, instrumental. Not the accusative: "-ды/-ді" ends nominative surnames too ("Сатыбалды").
const KK_CASE = /(?:ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|мен|пен|бен)$/u;

/** Takes a Kazakh case ending off a surname or given name ("Маминнің" → "Мамин", "Дүйсеноваға" → "Дүйсенова"). */
export function kazakhNominative(word: string): string {
  const m = KK_CASE.exec(word);
  if (!m) return word;
  const stem = word.slice(0, m.index);
  return stem.length >= 3 ? stem : word;
}

/** Russian genitive/dative of a surname or given name back to the nominative ("Мамина" → "Мамин", "Дуйсеновой" → "Дуйсенова"). */
export function russianNominative(word: string, kind: "surname" | "given"): string {
  const w = word;
  const rules: [RegExp, string][] =
    kind === "surname"
      ? [
          [/(ов|ев|ёв|ин|ын)(а|у|ым)$/u, "$1"],
          [/(ов|ев|ёв|ин|ын)ой$/u, "$1а"],
          [/(ск|цк)(ого|ому)$/u, "$1ий"],
          [/(ск|цк)ой$/u, "$1ая"],
          [/([бвгджзклмнпрстфхцчшщ])(а|у)$/u, "$1"],
          [/ия$/u, "ий"],
        ]
      : [
          [/([бвгджзклмнпрстфхцчшщ])(а|у|ом)$/u, "$1"],
          [/(а|е|о|у)(я|ю)$/u, "$1й"],
          [/([бвгджзклмнпрстфхцчшщ])ы$/u, "$1а"],
          [/([бвгджзклмнпрстфхцчшщ])ии$/u, "$1ия"],
        ];
  for (const [re, replacement] of rules) {
    if (re.test(w)) return w.replace(re, replacement);
  }
  return w;
}

/** A name written the usual way: initials before the surname ("Г.Б. Бейсембаев"), case endings removed. */
export function displayName(name: PersonName, language: MinutesLanguage, oblique: boolean): string {
  let surname = name.surname;
  let given = name.given;
  if (language === "kk") {
    surname = kazakhNominative(surname);
  } else if (language === "ru" && oblique) {
    surname = russianNominative(surname, "surname");
    if (name.form === "full") given = russianNominative(given, "given");
  }
  if (name.form === "full") return `${given} ${surname}`;
  return `${given} ${surname}`.replace(/\.(?=\p{Lu}\p{Ll})/u, ". ");
}

/** A key to compare people: the surname folded, without its case ending, first five letters. */
export function surnameKey(name: string): string {
  const words = name.match(/\p{L}[\p{L}'-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 1);
  const last = long.length ? long[long.length - 1] : (words[words.length - 1] ?? "");
  return kazakhNominative(last).toLowerCase().slice(0, 5);
}
