import type { MeetingKind } from "../organizations";
import { finishSentence, stripPoint, type ClauseRoles, type GrammaticalCase, type LanguageRules, type OrgMention } from "./lexicon";
import type { PersonName } from "./names";
import { capitalizeFirst, insideQuotes, isCapitalized, squeeze, tokenize, type Token } from "./tokens";

/*
 * Kazakh. Organization names are head-final: the case ending sits on the last word
 * ("Цифрлық даму … министрлігіне"), so a mention is found by its head word and read leftwards to where
 * the name starts (the nearest run of capitalized words). Coordinated names share one ending
 * ("Ауыл шаруашылығы министрлігі мен облыс әкімдіктеріне": both are addressees).
 */

type Kind = "ministry" | "akimat" | "other";

interface Head {
  re: RegExp;
  sg: string;
  pl?: string;
  kind: Kind;
  person?: boolean;
  /** Forms that are the nominative besides sg/pl ("министрлік"). */
  bare?: RegExp;
}

const HEADS: Head[] = [
  { re: /^министрлі[кг]/u, sg: "министрлігі", pl: "министрліктері", kind: "ministry", bare: /^министрлі[кг](?:тер)?$/u },
  { re: /^әкімді[кг]/u, sg: "әкімдігі", pl: "әкімдіктері", kind: "akimat", bare: /^әкімді[кг](?:тер)?$/u },
  { re: /^агентті[кг]/u, sg: "агенттігі", pl: "агенттіктері", kind: "other", bare: /^агентті[кг]$/u },
  { re: /^комитет(?:і|іне|інің|імен|ке|пен|тер|тері|терге|теріне|терімен)?$/u, sg: "комитеті", pl: "комитеттері", kind: "other" },
  { re: /^департамент(?:і|іне|інің|імен|ке|пен)?$/u, sg: "департаменті", kind: "other" },
  { re: /^қор(?:ы|ына|ының|ымен|ға|мен|дар|дары|дарға|дарына|дарымен)$/u, sg: "қоры", pl: "қорлары", kind: "other" },
  { re: /^компания(?:сы|сына|сының|сымен|ға|мен|лар|лары|ларға|ларына|ларымен)?$/u, sg: "компаниясы", pl: "компаниялары", kind: "other" },
  { re: /^корпорация(?:сы|сына|сының|сымен|ға|мен)?$/u, sg: "корпорациясы", kind: "other" },
  { re: /^холдинг(?:і|іне|інің|імен|ке|пен)$/u, sg: "холдингі", kind: "other" },
  { re: /^банк(?:і|іне|інің|імен|ке|пен|тер|тері|терге|теріне|терімен)$/u, sg: "банкі", pl: "банктері", kind: "other" },
  { re: /^аппарат(?:ы|ына|ының|ымен)$/u, sg: "Аппараты", kind: "other" },
  { re: /^кеңсе(?:сі|сіне|сінің|сімен)$/u, sg: "Кеңсесі", kind: "other" },
  { re: /^прокуратура(?:сы|сына|сының|сымен|ға|мен)?$/u, sg: "прокуратурасы", kind: "other" },
  { re: /^оператор(?:лар|лары|ларға|ларына|ларының|ларымен|лармен|ы|ына|ымен)$/u, sg: "операторы", pl: "операторлары", kind: "other" },
  { re: /^орган(?:дар|дары|дарға|дарына|дарымен|дармен|ы|ына|ымен)$/u, sg: "органы", pl: "органдар", kind: "other" },
  { re: /^қызмет(?:і|іне|імен)$/u, sg: "қызметі", kind: "other" },
  { re: /^орталы[ғқ](?:ы|ына|ымен|қа|пен|тар|тары|тарына)$/u, sg: "орталығы", pl: "орталықтары", kind: "other" },
  { re: /^палата(?:сы|сына|сымен|ға|мен)$/u, sg: "палатасы", kind: "other" },
  { re: /^басқарма(?:сы|сына|сымен|лары|ларына|ларымен|ларға)$/u, sg: "басқармасы", pl: "басқармалары", kind: "other" },
  { re: /^ұйым(?:дар|дары|дарға|дарына|дарымен|дармен)$/u, sg: "ұйымы", pl: "ұйымдары", kind: "other" },
  { re: /^(?:вице-)?министр(?:і|іне|ге|мен|інің|імен)?$/u, sg: "министрлігі", kind: "ministry", person: true },
  { re: /^әкім(?:і|іне|ге|імен|дер|дері|деріне|дерге|дерімен|дермен)$/u, sg: "әкімдігі", pl: "әкімдіктері", kind: "akimat", person: true },
];

const LEGAL = "АҚ|ЖШС|ҰК|ҰБХ|ҰӘҚ|КЕАҚ|ҚЕАҚ|РМК|ШЖҚ|МК|ЖАҚ|ҰШ";
const LEGAL_TOKEN = new RegExp(`^(?:${LEGAL})(?:-(\\p{Ll}+))?$`, "u");

// Words at which a name read leftwards from its head stops.
const BOUNDARY = new Set([
  "бойынша", "туралы", "үшін", "сәйкес", "кейін", "соң", "сондай-ақ", "сонымен", "қатар", "бұдан", "басқа", "бөлек",
  "ретте", "тапсырды", "тапсырылды", "жүктелді", "деді", "ал", "бірлесіп", "бірлесе", "бірге", "мен", "пен", "бен",
  "басшысы", "премьер-министр", "премьер-министрі", "отырыста", "отырыс", "кеңесте", "қорытындысы", "дейін", "ішінде",
  "мерзімде", "сондықтан", "атап", "өтті", "ретінде", "бұл", "биыл", "бүгін", "кеше", "сонымен", "соның", "сол", "сияқты",
  "тапсырамын", "жүктеймін", "сұраймын", "жедел", "уақтылы", "нәтижесінде", "ішінде",
]);

function headOf(lower: string): Head | null {
  for (const head of HEADS) if (head.re.test(lower)) return head;
  return null;
}

function caseOf(lower: string, head: Head | null): GrammaticalCase {
  if (head && (lower === head.sg.toLowerCase() || lower === head.pl?.toLowerCase() || head.bare?.test(lower))) return "nom";
  if (/(?:мен|пен|бен)$/u.test(lower)) return "ins";
  if (/(?:ның|нің|дың|дің|тың|тің)$/u.test(lower)) return "gen";
  if (/(?:дан|ден|тан|тен|нан|нен)$/u.test(lower)) return "other";
  if (/(?:ға|ге|қа|ке|на|не)$/u.test(lower)) return "dat";
  if (/(?:нда|нде|да|де|та|те)$/u.test(lower)) return "other";
  if (/(?:ны|ні|ды|ді|ты|ті|ын|ін)$/u.test(lower)) return "other";
  return "nom";
}

function isPlural(lower: string): boolean {
  return /(?:тер|дер|лар|лер|тар|дар)/u.test(lower.slice(4));
}

const STATE_PREFIX = /^(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+/u;

function cleanName(name: string): string {
  return capitalizeFirst(squeeze(name.replace(STATE_PREFIX, "")));
}

function isBoundary(token: Token): boolean {
  if (!token.word) return !/^[,«»"“”'-]$/u.test(token.text);
  if (/^\d/u.test(token.text)) return true;
  return BOUNDARY.has(token.lower);
}

/** The matching opening quote of a closing one at `close`. */
function openingQuote(tokens: Token[], close: number): number {
  const closer = tokens[close].text;
  let depth = 0;
  for (let k = close; k >= 0; k--) {
    const t = tokens[k].text;
    if (closer === '"' && t === '"' && k !== close) return k;
    if (t === "»" || t === "”") depth++;
    if (t === "«" || t === "“") {
      depth--;
      if (depth <= 0) return k;
    }
  }
  return -1;
}

/** Named akimats of a plural ("Ақтөбе, Қостанай облыстарының әкімдіктеріне"); null for "the akimats" in general. */
function akimatNames(windowTokens: Token[]): string[] | null {
  // "облыстардың", "облыс", "өңірлердің" not preceded by a place name: every region.
  for (let k = 0; k < windowTokens.length; k++) {
    const t = windowTokens[k];
    if (!/^(?:облыстар|облыс$|өңір|аймақ)/u.test(t.lower)) continue;
    const before = windowTokens.slice(0, k).filter((w) => w.word);
    const previous = before[before.length - 1];
    if (!previous || !isCapitalized(previous.text)) return null;
  }
  const names: string[] = [];
  let group: string[] = [];
  let current: string[] = [];
  const close = () => {
    if (current.length) group.push(current.join(" "));
    current = [];
  };
  for (const t of windowTokens) {
    if (t.word && isCapitalized(t.text) && !/^облыс|^қала/iu.test(t.lower)) current.push(t.text);
    else if (t.text === "," || t.lower === "және") close();
    else if (/^облыстар/u.test(t.lower) || /^облысы/u.test(t.lower)) {
      close();
      names.push(...group.map((g) => `${g} облысының әкімдігі`));
      group = [];
    } else if (/^қалалар/u.test(t.lower) || /^қаласы/u.test(t.lower)) {
      close();
      names.push(...group.map((g) => `${g} қаласының әкімдігі`));
      group = [];
    } else if (t.word) {
      current = [];
      group = [];
    }
  }
  return names.length ? names : null;
}

export function findOrganizations(sentence: string, people: PersonName[]): OrgMention[] {
  const tokens = tokenize(sentence);
  const mentions: (OrgMention & { headIndex: number; firstIndex: number })[] = [];
  const taken = new Set<number>();
  const inPerson = (t: Token) => people.some((p) => t.start >= p.start && t.end <= p.end);

  // Companies: «Name» АҚ-ға, «Бәйтерек» ҰБХ АҚ-мен.
  tokens.forEach((t, i) => {
    const m = LEGAL_TOKEN.exec(t.text);
    if (!m || (tokens[i + 1] && LEGAL_TOKEN.test(tokens[i + 1].text))) return;
    let j = i - 1;
    while (j >= 0 && LEGAL_TOKEN.test(tokens[j].text)) j--;
    let first = -1;
    if (j >= 0 && /^[»"”]$/u.test(tokens[j].text)) first = openingQuote(tokens, j);
    else if (j >= 0 && tokens[j].word && isCapitalized(tokens[j].text)) first = j;
    if (first < 0) return;
    for (let k = first; k <= i; k++) taken.add(k);
    const suffix = m[1] ?? "";
    const grammaticalCase: GrammaticalCase = suffix ? caseOf(suffix, null) : "nom";
    const name = sentence.slice(tokens[first].start, t.start) + t.text.replace(/-\p{Ll}+$/u, "");
    mentions.push({
      start: tokens[first].start,
      end: t.end,
      names: [cleanName(name)],
      grammaticalCase,
      allRegionalAkimats: false,
      person: false,
      headIndex: i,
      firstIndex: first,
    });
  });

  tokens.forEach((t, i) => {
    if (!t.word || taken.has(i) || inPerson(t)) return;
    const head = headOf(t.lower);
    if (!head || insideQuotes(sentence, t.start)) return;
    let grammaticalCase = caseOf(t.lower, head);
    const plural = isPlural(t.lower);
    // Window: the words before the head, back to a boundary or another mention.
    let ws = i;
    for (let k = i - 1; k >= 0 && k >= i - 14; k--) {
      const tk = tokens[k];
      if (taken.has(k) || inPerson(tk) || isBoundary(tk) || (tk.word && headOf(tk.lower))) break;
      ws = k;
    }
    while (ws < i && !tokens[ws].word) ws++;
    const windowTokens = tokens.slice(ws, i);

    // A person named by position with the case on the name: "Энергетика министрі А. Сәтқалиевке".
    if (head.person && grammaticalCase === "nom") {
      const next = people.find((p) => p.start >= t.end && p.start - t.end <= 2);
      if (next) grammaticalCase = caseOf(next.surname.toLowerCase(), null);
    }

    let names: string[];
    let first = i;
    let allRegionalAkimats = false;
    if (head.kind === "akimat" && (plural || windowTokens.length === 0) && !(head.person && !plural)) {
      const named = plural ? akimatNames(windowTokens) : null;
      if (named) names = named;
      else {
        allRegionalAkimats = true;
        names = [GENERIC_AKIMATS];
      }
      first = windowTokens.length ? ws : i;
    } else {
      let cap = -1;
      for (let k = i - 1; k >= ws; k--) {
        if (tokens[k].word && isCapitalized(tokens[k].text)) {
          cap = k;
          break;
        }
      }
      if (cap >= 0) {
        while (cap - 1 >= ws && tokens[cap - 1].word && isCapitalized(tokens[cap - 1].text)) cap--;
        first = cap;
      } else {
        let n = 0;
        for (let k = i - 1; k >= ws && n < 2 && tokens[k].word; k--, n++) first = k;
      }
      const prefix = first < i ? sentence.slice(tokens[first].start, t.start) : "";
      const nominative = plural && head.pl ? head.pl : head.sg;
      if (plural && head.kind === "ministry" && /,|\sжәне\s/u.test(prefix)) {
        names = prefix
          .split(/\s*,\s*|\s+және\s+/u)
          .filter(Boolean)
          .map((p) => cleanName(`${p} ${head.sg}`));
      } else {
        names = [cleanName(`${prefix}${nominative}`)];
      }
      // Local executive bodies are the akimats.
      if (/жергілікті\s+атқарушы\s+орган/iu.test(`${prefix}${t.lower}`)) allRegionalAkimats = true;
    }
    mentions.push({
      start: tokens[first].start,
      end: t.end,
      names,
      grammaticalCase,
      allRegionalAkimats,
      person: Boolean(head.person),
      headIndex: i,
      firstIndex: first,
    });
    for (let k = first; k <= i; k++) taken.add(k);
  });

  mentions.sort((a, b) => a.start - b.start);
  // Coordinated names share the last one's case: "X министрлігі мен Y әкімдіктеріне", "X, Y және Z-мен".
  for (let k = mentions.length - 2; k >= 0; k--) {
    const a = mentions[k];
    const b = mentions[k + 1];
    const between = sentence.slice(a.end, b.start).trim().toLowerCase();
    if (a.grammaticalCase === "nom" && (b.grammaticalCase === "dat" || b.grammaticalCase === "ins") && /^(?:,|мен|пен|бен|және|,\s*және)$/u.test(between)) {
      a.grammaticalCase = b.grammaticalCase;
    }
  }
  return mentions.map(({ start, end, names, grammaticalCase, allRegionalAkimats, person }) => ({
    start,
    end,
    names,
    grammaticalCase,
    allRegionalAkimats,
    person,
  }));
}

const GENERIC_AKIMATS = "Облыстардың әкімдіктері";

function organizationOfPosition(position: string): string | null {
  const legal = new RegExp(`([«"“][^»"”]+[»"”](?:\\s+(?:${LEGAL}))+)`, "u").exec(position);
  if (legal) return legal[1];
  const tokens = tokenize(position);
  const minister = tokens.findIndex((t) => /^(?:вице-)?министр(?:і|інің)?$/u.test(t.lower));
  if (minister > 0) return cleanName(`${position.slice(0, tokens[minister].start).trim()} министрлігі`);
  const akim = /^(.*?(?:облысы(?:ның)?|қаласы(?:ның)?|ауданы(?:ның)?))\s+әкі/iu.exec(position);
  if (akim) {
    const place = akim[1].replace(/(облысы|қаласы|ауданы)$/u, "$1ның");
    return cleanName(`${place} әкімдігі`);
  }
  const mention = findOrganizations(position, []).find((m) => !m.person);
  return mention ? mention.names[0] : null;
}

function meetingKind(text: string): MeetingKind | null {
  if (/селектор/iu.test(text)) return "selector_meeting";
  if (/Үкімет(?:тің)?\s+(?:кеңейтілген\s+)?отырыс/iu.test(text)) return "government_session";
  if (/(?<!\p{L})(?:кеңес(?:і|ін|те|тің|ке)?|жиналыс\p{L}*|отырыс\p{L}*)(?!\p{L})/iu.test(text)) return "working_meeting";
  return null;
}

function topic(sentence: string): string | null {
  const m =
    /(?:отырыс\p{L}*|кеңес\p{L}*|жиын\p{L}*|онда|режимде)\s+(.+?)\s+(?:мәселе(?:сі|лері|сін)|жайы|барысы)\s+(?:қаралды|талқыланды|қарады|талқылады)/iu.exec(sentence) ??
    /^(.+?)\s+(?:мәселе(?:сі|лері)|жайы|барысы)\s+(?:қаралды|талқыланды)/iu.exec(sentence);
  return m ? capitalizeFirst(m[1].trim()) : null;
}

const ACTION_WORD = /^\p{L}{2,}(?:у|ю|уды|уді|уын|уін|уға|уге|уі|уы)$/u;
const JUSSIVE = /^\p{L}{2,}(?:сын|сін)$/u;
const NOT_JUSSIVE = new Set(["жұмысын", "ісін", "кеңесін", "процесін", "бағасын", "күресін", "құрсын"]);

function lastWord(tokens: Token[]): Token | null {
  for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k].word) return tokens[k];
  return null;
}

function isActionWord(token: Token): boolean {
  return token.word && token.text.length >= 4 && (ACTION_WORD.test(token.lower) || (JUSSIVE.test(token.lower) && !NOT_JUSSIVE.has(token.lower)));
}

function endsWithJussive(tokens: Token[]): boolean {
  const last = lastWord(tokens);
  return Boolean(last && JUSSIVE.test(last.lower) && !NOT_JUSSIVE.has(last.lower) && last.text.length > 4);
}

function endsWithVerbalNoun(tokens: Token[]): boolean {
  const last = lastWord(tokens);
  return Boolean(last && /^\p{L}{2,}(?:у|ю)$/u.test(last.lower) && last.text.length >= 3 && last.lower !== "су");
}

const CO_MARKER = /(?<!\p{L})(?:бірлесіп|бірлесе|бірге)(?!\p{L})/iu;

function assignRoles(clause: string, mentions: OrgMention[], tokens: Token[]): ClauseRoles {
  const content = stripPoint(clause).offset;
  const inMention = (t: Token) => mentions.some((m) => t.start >= m.start && t.end <= m.end);
  const co = mentions.filter((m) => m.grammaticalCase === "ins" && CO_MARKER.test(clause.slice(m.end, m.end + 40)));
  const firstAction = tokens.find((t) => t.start >= content && !inMention(t) && isActionWord(t));
  const actionAt = firstAction ? firstAction.start : clause.length;
  const first = mentions[0];
  const startsWithSubject =
    first && first.grammaticalCase === "nom" && !first.person && first.start - content <= 2 && (endsWithJussive(tokens) || /(?:қажет|тиіс|керек)\W*$/iu.test(clause.replace(/[»"”],?\s*[–—-].*$/u, "")));
  let assignees: OrgMention[];
  if (startsWithSubject) {
    assignees = [first];
    for (let k = 1; k < mentions.length; k++) {
      const between = clause.slice(mentions[k - 1].end, mentions[k].start).trim();
      if (mentions[k].grammaticalCase === "nom" && /^(?:,|мен|пен|бен|және)$/iu.test(between)) assignees.push(mentions[k]);
      else break;
    }
  } else {
    // Datives after the action are recipients ("Үкіметке ұсыну"), unless no addressee comes before it.
    const datives = mentions.filter((m) => m.grammaticalCase === "dat" && !co.includes(m));
    const before = datives.filter((m) => m.start < actionAt);
    assignees = before.length ? before : datives;
  }
  return { assignees, coExecutors: co.filter((m) => !assignees.includes(m)), actionStart: firstAction ? firstAction.start : -1 };
}

function isBareDirective(clause: string, mentions: OrgMention[], tokens: Token[]): boolean {
  const content = stripPoint(clause).offset;
  const first = mentions[0];
  if (!first || first.start - content > 2) return false;
  if (first.grammaticalCase === "dat") return endsWithVerbalNoun(tokens) || endsWithJussive(tokens);
  if (first.grammaticalCase === "nom" && !first.person) return endsWithJussive(tokens) || /(?:қажет|тиіс)\W*$/iu.test(clause);
  return false;
}

function actionText(clause: string, roles: ClauseRoles, trigger: { start: number; end: number } | null, deadline: { start: number; end: number } | null): string {
  const named = [...roles.assignees, ...roles.coExecutors];
  let start = stripPoint(clause).offset;
  for (const m of named) start = Math.max(start, m.end);
  const rest = clause.slice(start);
  const skip = /^\s*(?:-?\s*(?:мен|пен|бен))?\s*(?:бірлесіп|бірлесе|бірге)?[\s,]*/iu.exec(rest);
  start += skip ? skip[0].length : 0;
  let end = clause.length;
  if (trigger && trigger.start >= start) end = trigger.start;
  let text = clause.slice(start, end);
  // Direct speech ends where the attribution starts.
  text = text.replace(/[»"”]\s*[,–—-].*$/u, "");
  if (deadline && deadline.start >= start && deadline.start - start <= 2) {
    text = clause.slice(Math.min(deadline.end, end), end);
  }
  text = text
    .trim()
    .replace(/(у|ю)(?:ды|ді)$/u, "$1")
    .replace(/(у|ю)[ыі]\s+(?:қажет|тиіс|керек)$/u, "$1")
    .replace(/\s+(?:қажет|тиіс|керек)$/u, "");
  return finishSentence(text);
}

export const kazakh: LanguageRules = {
  language: "kk",
  allAkimatsName: GENERIC_AKIMATS,
  findOrganizations,
  organizationCue: /министр|әкім|агентті|комитет|департамент|қор|компания|корпорация|холдинг|банк|аппарат|кеңсе|прокуратура|оператор|орган|қызмет|орталы|палата|басқарма|ұйым|АҚ|ЖШС|ҰК|ҰБХ|ҰӘҚ|КЕАҚ|ҚЕАҚ|РМК|ШЖҚ/iu,
  organizationOfPosition,
  normalizePosition: (position) => capitalizeFirst(squeeze(position)),
  pluralPosition: (position) => {
    const m = /^(.+?)\s+облыстарының\s+әкімдері$/u.exec(position);
    return m ? m[1].split(/\s*,\s*|\s+және\s+/u).map((place) => `${capitalizeFirst(place)} облысының әкімі`) : null;
  },
  nameIsOblique: () => true,

  chairMarker: /төрағалығымен/iu,
  chairFallback: /(?:Премьер-Министр(?:і)?|Үкімет\s+басшысы)(?=\s)/u,
  meetingKind,
  topic,

  speakerVerb:
    /(?<!\p{L})(?:баяндады|баяндап\s+берді|баяндама\s+жасады|баяндама\s+жасаған|баяндаған|сөз\s+сөйледі|айтып\s+берді|ақпарат\s+берді|мәлімет\s+берді|есеп\s+берді|мәлімдеді)(?!\p{L})/iu,
  weakSpeakerVerb: /(?<!\p{L})(?:деді|атап\s+өтті|айтты|айтуынша|мәліметінше|пікірінше|сөзінше|хабарлады|қатысты)(?!\p{L})/iu,
  noteMarker: /ақпарат(?:ы|ын)\s+назарға\s+алын/iu,
  speakerLeadIn:
    /^(?:.*?\s(?:туралы|жөнінде)\s+|(?:Отырыста|Отырыс\s+барысында|Кеңесте|Сондай-ақ|Сонымен\s+қатар|Бұдан\s+соң|Онда|Сонымен\s+бірге|Бұдан\s+бөлек|Сондай-ақ\s+отырыста),?\s+)/u,
  roleWord:
    /(?<!\p{L})(?:\p{L}*министрі(?:нің)?|әкімі(?:нің)?|әкісі|төрағасы(?:ның)?|директоры|басшысы|орынбасары|президенті|бастығы|жетекшісі|ректоры|хатшысы|прокуроры|уәкілі|меңгерушісі)(?!\p{L})/iu,
  presidentWord: /(?:Мемлекет\s+басшысы|Президент|Елбасы|Тоқаев)/u,
  chairWord: /(?:Премьер-Министр|Үкімет\s+басшысы)/u,

  strongTrigger:
    /(?<!\p{L})(?:тапсырды|тапсырылды|тапсырылсын|тапсырма(?:лар)?\s+берді|тапсырма(?:лар)?\s+берілді|тапсырма(?:лар)?\s+жүктелді|жүктелді|жүктелсін|жүктеді|міндеттелді|міндеттеді|міндеттелсін)(?!\p{L})/iu,
  firstPersonTrigger: /(?<!\p{L})(?:тапсырамын|тапсырма(?:лар)?\s+беремін|жүктеймін|сұраймын)(?!\p{L})/iu,
  weakTrigger: /(?<!\p{L})(?:қажет|тиіс|керек)(?!\p{L})/iu,
  exclusion:
    /назарға\s+алын|орындалуын\s+бақылау|орындалуына\s+бақылау|еске\s+салайық|^\s*(?:бұған\s+дейін|бұрын|осыған\s+дейін)[\s,]|бұған\s+дейін\s+тапсыр|бұрын\s+тапсырылған|тапсырған\s+болатын/iu,
  attribution: /(?<!\p{L})(?:деді|атап\s+өтті|айтты|мәлімдеді|айтуынша|мәліметінше|пікірінше|сөзінше)(?!\p{L})/iu,
  coExecutorMarker: CO_MARKER,
  factMarker:
    /(?<!\p{L})(?:болды|болған|болатын|жүргізілді|аяқталды|аяқталған|орындалды|қосылды|салынды|ауыстырылды|жеткізілді|өтті|өткен\s+(?:жыл|ай|апта|тоқсан)|бұрын|қазіргі\s+уақытта|жағдай\s+бойынша|басынан|бері|бастап|пайдалануға\s+берілді)(?!\p{L})/iu,
  clauseSplit: /;\s+|,\s+ал\s+(?=\p{L})/u,
  isActionWord: (t) => isActionWord(t),
  assignRoles,
  isBareDirective,
  actionText,
};
