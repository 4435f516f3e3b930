import { addDays, addMonths, endOfYear } from "../calendar";
import { EN_MONTH, KK_MONTH, RU_MONTH, endOfMonth, isoDate, monthNumber, nextOccurrence } from "./dates";
import type { DeadlineKind, MinutesLanguage } from "./types";

/*
 * Deadline phrases, absolute and relative, in the three languages, resolved against the meeting date:
 * "15 сәуірге дейін", "жыл соңына дейін", "бір ай ішінде"; "в срок до 15 апреля", "до конца года",
 * "в месячный срок"; "by 15 April", "by the end of the year", "within a month". "Promptly" and
 * "on a regular basis" are deadlines without a date: the secretariat sets one.
 */

export interface DeadlineMatch {
  text: string;
  start: number;
  end: number;
  date: string | null;
  kind: DeadlineKind;
  /** The phrase needs the meeting date and none was known. */
  unresolved: boolean;
}

type Unit = "day" | "week" | "month" | "year";

interface Rule {
  re: RegExp;
  kind: DeadlineKind;
  resolve: (m: RegExpMatchArray, meetingDate: string | null) => string | null;
}

const NUMBERS: Record<string, number> = {
  // kk
  бір: 1, екі: 2, үш: 3, төрт: 4, бес: 5, алты: 6, жеті: 7, сегіз: 8, тоғыз: 9, он: 10, "он бес": 15, жиырма: 20, отыз: 30,
  // ru (genitive and the prefixes of "двухнедельный" etc.)
  один: 1, одного: 1, одной: 1, одну: 1, одно: 1, два: 2, две: 2, двух: 2, три: 3, трех: 3, трёх: 3, четыре: 4, четырех: 4,
  четырёх: 4, пять: 5, пяти: 5, шесть: 6, шести: 6, семь: 7, семи: 7, восьми: 8, десять: 10, десяти: 10, пятнадцать: 15,
  пятнадцати: 15, двадцать: 20, двадцати: 20, тридцать: 30, тридцати: 30, сорока: 40, шестидесяти: 60, девяноста: 90,
  // en
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15,
  twenty: 20, thirty: 30, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
  // ordinals for quarters
  бірінші: 1, екінші: 2, үшінші: 3, төртінші: 4, первого: 1, второго: 2, третьего: 3, четвертого: 4, четвёртого: 4,
  первом: 1, втором: 2, третьем: 3, четвертом: 4, четвёртом: 4, first: 1, second: 2, third: 3, fourth: 4,
  i: 1, ii: 2, iii: 3, iv: 4, "і": 1, "іі": 2, "ііі": 3, "іv": 4,
};

function numberOf(word: string | undefined, fallback = 1): number {
  if (!word) return fallback;
  const w = word.toLowerCase().replace(/\s+/g, " ").replace(/-?(?:го|м|ші|шы|нші|ншы)$/u, "");
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBERS[w] ?? fallback;
}

function unitOf(word: string): Unit {
  const w = word.toLowerCase();
  if (/^(?:күн|днев|дн|сут|day)/u.test(w)) return "day";
  if (/^(?:апта|недел|week)/u.test(w)) return "week";
  if (/^(?:жыл|год|лет|year)/u.test(w)) return "year";
  return "month";
}

function relative(meetingDate: string | null, n: number, unit: Unit): string | null {
  if (!meetingDate) return null;
  if (unit === "day") return addDays(meetingDate, n);
  if (unit === "week") return addDays(meetingDate, 7 * n);
  if (unit === "year") return addMonths(meetingDate, 12 * n);
  return addMonths(meetingDate, n);
}

function absolute(day: string, monthWord: string, year: string | undefined, meetingDate: string | null): string | null {
  const month = monthNumber(monthWord);
  if (!month) return null;
  if (year) return isoDate(Number(year), month, Number(day));
  return nextOccurrence(month, Number(day), meetingDate);
}

function numeric(day: string, month: string, year: string): string | null {
  return isoDate(Number(year), Number(month), Number(day));
}

function yearOf(year: string | undefined, meetingDate: string | null): number | null {
  if (year) return Number(year);
  return meetingDate ? Number(meetingDate.slice(0, 4)) : null;
}

function monthEnd(monthWord: string, year: string | undefined, meetingDate: string | null): string | null {
  const month = monthNumber(monthWord);
  const y = yearOf(year, meetingDate);
  if (!month || y === null) return null;
  const end = endOfMonth(y, month);
  // "до конца марта" said in May means next March.
  return !year && meetingDate && end < meetingDate ? endOfMonth(y + 1, month) : end;
}

function quarterEnd(quarter: number, year: string | undefined, meetingDate: string | null): string | null {
  const y = yearOf(year, meetingDate);
  if (y === null || quarter < 1 || quarter > 4) return null;
  const end = endOfMonth(y, quarter * 3);
  return !year && meetingDate && end < meetingDate ? endOfMonth(y + 1, quarter * 3) : end;
}

const thisMonthEnd = (meetingDate: string | null) =>
  meetingDate ? endOfMonth(Number(meetingDate.slice(0, 4)), Number(meetingDate.slice(5, 7))) : null;
const thisYearEnd = (meetingDate: string | null) => (meetingDate ? endOfYear(meetingDate) : null);
const none = () => null;

const rx = (source: string) => new RegExp(source, "giu");
const NW = "(?![\\p{L}\\p{N}])"; // end of a word
const WB = "(?<![\\p{L}\\p{N}])"; // start of a word

const KK_NUM = "\\d{1,3}|бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он\\s+бес|он|жиырма|отыз";
const KK_ORD = "бірінші|екінші|үшінші|төртінші|IV|I{1,3}|ІV|І{1,3}|[1-4]";

const KK_RULES: Rule[] = [
  {
    kind: "date",
    re: rx(`${WB}(?:(\\d{4})\\s*ж(?:ылғы|ылдың|\\.)\\s+)?(\\d{1,2})\\s*-?\\s*(${KK_MONTH})\\s+(?:дейінгі\\s+мерзімде|дейін|қарай)${NW}`),
    resolve: (m, d) => absolute(m[2], m[3], m[1], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\s*(?:ж\\.\\s*)?(?:жылға\\s+)?(?:\\p{L}*\\s+)?дейін${NW}`),
    resolve: (m) => numeric(m[1], m[2], m[3]),
  },
  {
    kind: "date",
    re: rx(`${WB}(\\d{4})\\s*жыл(?:дың|ғы)?\\s+(?:соңына|аяғына)\\s+дейін${NW}`),
    resolve: (m) => `${m[1]}-12-31`,
  },
  {
    kind: "date",
    re: rx(`${WB}(?:(?:осы|ағымдағы|биылғы|биыл)\\s+)?жыл(?:дың)?\\s+(?:соңына|аяғына)\\s+дейін${NW}`),
    resolve: (_m, d) => thisYearEnd(d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:(\\d{4})\\s*жылғы\\s+)?(${KK_MONTH})\\s+(?:айының\\s+)?(?:соңына|аяғына)\\s+дейін${NW}`),
    resolve: (m, d) => monthEnd(m[2], m[1], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:осы\\s+|ағымдағы\\s+)?ай(?:дың)?\\s+(?:соңына|аяғына)\\s+дейін${NW}`),
    resolve: (_m, d) => thisMonthEnd(d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:(\\d{4})\\s*жылғы\\s+)?(${KK_ORD})\\s*(?:-?\\s*(?:ші|шы|нші|ншы))?\\s+тоқсан(?:ның|ға)?\\s+(?:соңына\\s+)?(?:дейін|қарай)${NW}`),
    resolve: (m, d) => quarterEnd(numberOf(m[2]), m[1], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:(\\d{4})\\s*жылғы\\s+)?(?:бірінші\\s+)?жартыжылдық(?:тың)?\\s+(?:соңына\\s+)?дейін${NW}`),
    resolve: (m, d) => (yearOf(m[1], d) === null ? null : `${yearOf(m[1], d)}-06-30`),
  },
  {
    kind: "relative",
    re: rx(`${WB}(?:(${KK_NUM})\\s+)?(күн|апта|ай|жыл)(дық|тық|лық|дік|тік|лік)?\\s+(?:ішінде|мерзімде|мерзім\\s+ішінде)${NW}`),
    resolve: (m, d) => (m[1] || m[3] || m[2].toLowerCase() === "ай" ? relative(d, numberOf(m[1]), unitOf(m[2])) : null),
  },
  {
    kind: "promptly",
    re: rx(`${WB}(?:жедел(?:\\s+түрде)?(?=\\s+\\p{L}+(?:у|ю|уды|уді|уын|уін|уге|уға)${NW})|дереу|кідіріссіз|шұғыл\\s+түрде|мүмкіндігінше\\s+қысқа\\s+мерзімде|қысқа\\s+мерзімде|тез\\s+арада)${NW}`),
    resolve: none,
  },
  {
    kind: "periodic",
    re: rx(`${WB}(?:ай|тоқсан|апта|жыл)\\s+сайын${NW}|${WB}тұрақты\\s+(?:негізде|түрде)${NW}`),
    resolve: none,
  },
];

const RU_NUM_WORD = "одного|одной|одну|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|десяти|пятнадцати|двадцати|тридцати|сорока|шестидесяти|девяноста";
const RU_ORD = "первого|второго|третьего|четвертого|четвёртого|IV|I{1,3}|[1-4]";
const RU_BEFORE = "(?:в\\s+срок\\s+)?(?:до|не\\s+позднее|не\\s+позже|к)";

const RU_RULES: Rule[] = [
  {
    kind: "date",
    re: rx(`${WB}${RU_BEFORE}\\s+(\\d{1,2})(?:-?го)?\\s+(${RU_MONTH})(?:\\s+(\\d{4})\\s*(?:года|г\\.?)?)?`),
    resolve: (m, d) => absolute(m[1], m[2], m[3], d),
  },
  {
    kind: "date",
    re: rx(`${WB}${RU_BEFORE}\\s+(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?:\\s*(?:года|г\\.?))?`),
    resolve: (m) => numeric(m[1], m[2], m[3]),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:в\\s+срок\\s+)?до\\s+(?:конца|окончания)\\s+(\\d{4})\\s+года`),
    resolve: (m) => `${m[1]}-12-31`,
  },
  {
    kind: "date",
    re: rx(`${WB}(?:в\\s+срок\\s+)?до\\s+(?:конца|окончания)\\s+(?:(?:текущего|этого|нынешнего|сего)\\s+)?года${NW}`),
    resolve: (_m, d) => thisYearEnd(d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:в\\s+срок\\s+)?до\\s+конца\\s+(${RU_MONTH})(?:\\s+(\\d{4})\\s+года)?`),
    resolve: (m, d) => monthEnd(m[1], m[2], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:в\\s+срок\\s+)?до\\s+конца\\s+(?:текущего\\s+|этого\\s+)?месяца${NW}`),
    resolve: (_m, d) => thisMonthEnd(d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:в\\s+срок\\s+)?до\\s+(?:конца|окончания)\\s+(${RU_ORD})(?:-?го)?\\s+квартала(?:\\s+(\\d{4})\\s+года|\\s+текущего\\s+года)?`),
    resolve: (m, d) => quarterEnd(numberOf(m[1]), m[2], d),
  },
  {
    kind: "date",
    re: rx(`${WB}в\\s+(первом|втором|третьем|четвертом|четвёртом|IV|I{1,3}|[1-4])(?:-?м)?\\s+квартале(?:\\s+(\\d{4})\\s+года|\\s+текущего\\s+года)?`),
    resolve: (m, d) => quarterEnd(numberOf(m[1]), m[2], d),
  },
  {
    kind: "date",
    re: rx(`${WB}до\\s+(?:конца|окончания)\\s+(первого|второго)\\s+полугодия(?:\\s+(\\d{4})\\s+года)?`),
    resolve: (m, d) => {
      const y = yearOf(m[2], d);
      return y === null ? null : m[1].toLowerCase() === "первого" ? `${y}-06-30` : `${y}-12-31`;
    },
  },
  {
    kind: "relative",
    re: rx(`${WB}в\\s+(?:(\\d{1,3})\\s*-?\\s*|(${RU_NUM_WORD}|полу))?(дневный|недельный|месячный|годичный|годовой)\\s+срок${NW}`),
    resolve: (m, d) => (m[2] === "полу" ? relative(d, 6, "month") : relative(d, numberOf(m[1] ?? m[2]), unitOf(m[3]))),
  },
  {
    kind: "relative",
    re: rx(`${WB}(?:в\\s+течение|в\\s+срок\\s+не\\s+более|не\\s+позднее\\s+чем\\s+через|через)\\s+(?:(\\d{1,3})\\s+|(${RU_NUM_WORD}|один|два|две|три|четыре|пять|шесть|семь|десять|пятнадцать|двадцать|тридцать)\\s+)?(дня|дней|суток|недели|недель|месяца|месяцев|года|лет)${NW}`),
    resolve: (m, d) => relative(d, numberOf(m[1] ?? m[2]), unitOf(m[3])),
  },
  {
    kind: "promptly",
    re: rx(`${WB}(?:в\\s+кратчайшие\\s+сроки|в\\s+(?:оперативном|срочном|приоритетном|безотлагательном)\\s+порядке|незамедлительно|безотлагательно|оперативно|немедленно|срочно)${NW}`),
    resolve: none,
  },
  {
    kind: "periodic",
    re: rx(`${WB}(?:ежемесячно|ежеквартально|еженедельно|ежегодно|на\\s+(?:постоянной|системной|регулярной)\\s+основе|постоянно)${NW}`),
    resolve: none,
  },
];

const EN_NUM = "\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty";
const EN_BEFORE = "(?:by|no\\s+later\\s+than|not\\s+later\\s+than|before|until|till|prior\\s+to|due)";

const EN_RULES: Rule[] = [
  {
    kind: "date",
    re: rx(`${WB}${EN_BEFORE}\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${EN_MONTH})(?:,?\\s+(\\d{4}))?`),
    resolve: (m, d) => absolute(m[1], m[2], m[3], d),
  },
  {
    kind: "date",
    re: rx(`${WB}${EN_BEFORE}\\s+(${EN_MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${NW}`),
    resolve: (m, d) => absolute(m[2], m[1], m[3], d),
  },
  {
    kind: "date",
    re: rx(`${WB}${EN_BEFORE}\\s+(\\d{1,2})[./](\\d{1,2})[./](\\d{4})`),
    resolve: (m) => numeric(m[1], m[2], m[3]),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+(?:the\\s+)?end\\s+of\\s+(\\d{4})${NW}`),
    resolve: (m) => `${m[1]}-12-31`,
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+(?:the\\s+)?(?:end\\s+of\\s+(?:the|this|the\\s+current)\\s+year|year[-\\s]end|end[-\\s]of[-\\s](?:the[-\\s])?year)${NW}`),
    resolve: (_m, d) => thisYearEnd(d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+the\\s+end\\s+of\\s+(${EN_MONTH})(?:\\s+(\\d{4}))?`),
    resolve: (m, d) => monthEnd(m[1], m[2], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+the\\s+end\\s+of\\s+(?:the|this)\\s+month${NW}`),
    resolve: (_m, d) => thisMonthEnd(d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+the\\s+end\\s+of\\s+(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter(?:\\s+of\\s+(\\d{4}))?`),
    resolve: (m, d) => quarterEnd(numberOf(m[1]), m[2], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+the\\s+end\\s+of\\s+Q([1-4])(?:\\s+(\\d{4}))?`),
    resolve: (m, d) => quarterEnd(Number(m[1]), m[2], d),
  },
  {
    kind: "date",
    re: rx(`${WB}(?:by|before)\\s+(?:the\\s+end\\s+of\\s+the\\s+first\\s+half(?:\\s+of\\s+the\\s+year)?|mid-year)${NW}`),
    resolve: (_m, d) => (d ? `${d.slice(0, 4)}-06-30` : null),
  },
  {
    kind: "relative",
    re: rx(`${WB}(?:within|in)\\s+(?:the\\s+next\\s+)?(${EN_NUM})\\s*-?\\s*(days?|weeks?|months?|years?)(?:'s|s')?(?:\\s+(?:time|period))?${NW}`),
    resolve: (m, d) => relative(d, numberOf(m[1]), unitOf(m[2])),
  },
  {
    kind: "relative",
    re: rx(`${WB}within\\s+an?\\s+(${EN_NUM})-(day|week|month)\\s+period${NW}`),
    resolve: (m, d) => relative(d, numberOf(m[1]), unitOf(m[2])),
  },
  {
    kind: "promptly",
    re: rx(`${WB}(?:promptly|as\\s+soon\\s+as\\s+possible|immediately|without\\s+delay|urgently|in\\s+the\\s+shortest\\s+possible\\s+time|as\\s+a\\s+matter\\s+of\\s+(?:priority|urgency))${NW}`),
    resolve: none,
  },
  {
    kind: "periodic",
    re: rx(`${WB}(?:on\\s+an?\\s+(?:regular|permanent|continuous|ongoing|monthly|quarterly|weekly|systematic)\\s+basis|every\\s+(?:month|quarter|week))${NW}`),
    resolve: none,
  },
];

const RULES: Record<MinutesLanguage, Rule[]> = { kk: KK_RULES, ru: RU_RULES, en: EN_RULES };

// Every rule needs one of these; a text without any is skipped at once.
const CUES: Record<MinutesLanguage, RegExp> = {
  kk: /\d|дейін|ішінде|мерзім|сайын|жедел|дереу|кідіріссіз|шұғыл|тез|тұрақты|қысқа/iu,
  ru: /\d|до\s|к\s|срок|течени|через|конц|окончани|квартал|оперативн|незамедлительно|безотлагательно|немедленно|срочно|ежемесячно|ежеквартально|еженедельно|ежегодно|постоянн|основе|кратчайш/iu,
  en: /\d|by|before|until|till|within|in\s|prior|due|promptly|soon|immediately|delay|urgent|shortest|priority|basis|every/iu,
};

/** Every deadline phrase in a text, left to right, the longest where two overlap. */
export function findDeadlines(text: string, language: MinutesLanguage, meetingDate: string | null): DeadlineMatch[] {
  const found: DeadlineMatch[] = [];
  if (!CUES[language].test(text)) return found;
  for (const rule of RULES[language]) {
    rule.re.lastIndex = 0;
    for (const m of text.matchAll(rule.re)) {
      const start = m.index ?? 0;
      const phrase = m[0].trim();
      if (!phrase) continue;
      const date = rule.resolve(m, meetingDate);
      const needsMeetingDate = (rule.kind === "date" || rule.kind === "relative") && date === null;
      found.push({ text: phrase, start, end: start + m[0].length, date, kind: rule.kind, unresolved: needsMeetingDate && !meetingDate });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const out: DeadlineMatch[] = [];
  for (const match of found) {
    const last = out[out.length - 1];
    if (last && match.start < last.end) {
      if (match.end - match.start > last.end - last.start) out[out.length - 1] = match;
      continue;
    }
    out.push(match);
  }
  return out;
}

/** Resolves one phrase on its own (used by tests and by the UI to re-resolve an edited phrase). */
export function resolveDeadline(phrase: string, language: MinutesLanguage, meetingDate: string | null): DeadlineMatch | null {
  return findDeadlines(phrase, language, meetingDate)[0] ?? null;
}
