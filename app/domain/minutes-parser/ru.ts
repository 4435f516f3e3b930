import type { MeetingKind } from "../organizations";
import { finishSentence, stripPoint, type ClauseRoles, type GrammaticalCase, type LanguageRules, type OrgMention } from "./lexicon";
import type { PersonName } from "./names";
import { capitalizeFirst, insideQuotes, isCapitalized, squeeze, tokenize, type Token } from "./tokens";

/*
 * Russian. Organization names are head-first: "Министерству цифрового развития, инноваций и
 * аэрокосмической промышленности": the case is on the head (and on the adjectives before it), the
 * genitive complement after it is read up to a preposition, an infinitive or the next organization.
 */

type Gender = "m" | "n" | "nie" | "f" | "fia";
type Kind = "ministry" | "akimat" | "other";

interface Head {
  stem: string;
  gender: Gender;
  sg: string;
  pl?: string;
  kind: Kind;
  person?: boolean;
  capitalOnly?: boolean;
}

// Longest stems first ("акимат" before "аким", "министерств" before "министр").
const HEADS: Head[] = [
  { stem: "министерств", gender: "n", sg: "Министерство", pl: "Министерства", kind: "ministry" },
  { stem: "агентств", gender: "n", sg: "Агентство", pl: "Агентства", kind: "other" },
  { stem: "ведомств", gender: "n", sg: "ведомство", pl: "ведомства", kind: "other" },
  { stem: "правительств", gender: "n", sg: "Правительство", kind: "other" },
  { stem: "управлени", gender: "nie", sg: "Управление", pl: "Управления", kind: "other", capitalOnly: true },
  { stem: "департамент", gender: "m", sg: "Департамент", pl: "Департаменты", kind: "other" },
  { stem: "госорган", gender: "m", sg: "госорган", pl: "госорганы", kind: "other" },
  { stem: "комитет", gender: "m", sg: "Комитет", pl: "Комитеты", kind: "other" },
  { stem: "акимат", gender: "m", sg: "Акимат", pl: "Акиматы", kind: "akimat" },
  { stem: "аким", gender: "m", sg: "Акимат", pl: "Акиматы", kind: "akimat", person: true },
  { stem: "вице-министр", gender: "m", sg: "Министерство", kind: "ministry", person: true },
  { stem: "министр", gender: "m", sg: "Министерство", kind: "ministry", person: true },
  { stem: "фонд", gender: "m", sg: "Фонд", pl: "Фонды", kind: "other" },
  { stem: "банк", gender: "m", sg: "банк", pl: "банки", kind: "other" },
  { stem: "аппарат", gender: "m", sg: "Аппарат", kind: "other", capitalOnly: true },
  { stem: "холдинг", gender: "m", sg: "холдинг", kind: "other" },
  { stem: "оператор", gender: "m", sg: "оператор", pl: "операторы", kind: "other" },
  { stem: "орган", gender: "m", sg: "орган", pl: "органы", kind: "other" },
  { stem: "центр", gender: "m", sg: "Центр", kind: "other", capitalOnly: true },
  { stem: "прокуратур", gender: "f", sg: "прокуратура", kind: "other" },
  { stem: "служб", gender: "f", sg: "служба", pl: "службы", kind: "other" },
  { stem: "палат", gender: "f", sg: "палата", kind: "other", capitalOnly: true },
  { stem: "канцеляри", gender: "fia", sg: "Канцелярия", kind: "other" },
  { stem: "корпораци", gender: "fia", sg: "корпорация", pl: "корпорации", kind: "other" },
  { stem: "компани", gender: "fia", sg: "компания", pl: "компании", kind: "other" },
];

const ENDINGS: Record<Gender, Record<string, [GrammaticalCase, boolean]>> = {
  m: { "": ["nom", false], а: ["gen", false], у: ["dat", false], ом: ["ins", false], е: ["other", false], ы: ["nom", true], и: ["nom", true], ов: ["gen", true], ам: ["dat", true], ами: ["ins", true], ах: ["other", true] },
  n: { о: ["nom", false], а: ["gen", false], у: ["dat", false], ом: ["ins", false], е: ["other", false], "": ["gen", true], ам: ["dat", true], ами: ["ins", true], ах: ["other", true] },
  nie: { е: ["nom", false], я: ["gen", false], ю: ["dat", false], ем: ["ins", false], и: ["other", false], й: ["gen", true], ям: ["dat", true], ями: ["ins", true] },
  f: { а: ["nom", false], ы: ["gen", false], е: ["dat", false], у: ["other", false], ой: ["ins", false], ам: ["dat", true], ами: ["ins", true], "": ["gen", true] },
  fia: { я: ["nom", false], и: ["dat", false], ю: ["other", false], ей: ["ins", false], ям: ["dat", true], ями: ["ins", true], й: ["gen", true] },
};

const PREPOSITIONS = new Set(["в", "во", "на", "о", "об", "из", "от", "для", "у", "при", "по", "к", "ко", "до", "за", "через", "после", "без", "с", "со", "между", "перед", "под", "над"]);

const STOP = new Set([
  "совместно", "вместе", "с", "со", "в", "во", "до", "к", "ко", "не", "а", "также", "срок", "течение", "при", "для", "за", "на",
  "о", "об", "от", "из", "через", "после", "поручено", "поручается", "поручить", "необходимо", "нужно", "следует", "предложено",
  "рекомендовано", "поручил", "поручила", "поручили", "меры", "мер", "все", "всех", "дополнительные", "соответствующие",
  "предложения", "информацию", "работу", "работы", "вопросы", "вопрос", "проекты", "план", "планы", "оперативно", "незамедлительно",
  "по", "что", "чтобы", "который", "которая", "которые", "которое", "поскольку", "так", "как", "надлежит", "должно", "должны",
  "обязано", "обязаны", "предстоит", "даны", "дано", "было", "были", "будет", "поручения", "поручение", "рекомендуется",
]);

function headOf(token: Token): { head: Head; grammaticalCase: GrammaticalCase; plural: boolean } | null {
  for (const head of HEADS) {
    if (!token.lower.startsWith(head.stem)) continue;
    if (head.capitalOnly && !isCapitalized(token.text)) continue;
    const ending = token.lower.slice(head.stem.length);
    const found = ENDINGS[head.gender][ending];
    if (!found) continue;
    return { head, grammaticalCase: found[0], plural: found[1] };
  }
  return null;
}

const INFINITIVE = /(?:[иаяеуыо]ть|ться|чь|чься)$/u;
const TI_VERB = /^(?:про|при|пере|за|в|вы|до|от|под|раз|у|с|из|на|вз|о|произ)?(?:вести|нести|везти|йти|ойти|айти|расти)$/u;
const NOT_INFINITIVE = new Set(["сеть", "путь", "треть", "медь", "часть", "мать", "знать", "рать", "тетрадь", "печать", "благодать", "власть"]);

export function isInfinitive(token: Token): boolean {
  if (!token.word || NOT_INFINITIVE.has(token.lower)) return false;
  return INFINITIVE.test(token.lower) || TI_VERB.test(token.lower) || token.lower === "учесть";
}

const GENITIVE_LIKE = /(?:ого|его|ой|ей|ых|их|ия|ии|ий|сти|ции|ства|ения|ания|ки|ги|хи|ры|ды|ты|ны|ли|ов|ев|ёв|а|я|ы|и)$/u;
const ADJECTIVE_GEN = /(?:ого|его|ой|ей|ых|их)$/u;

const ADJECTIVE_BY_CASE: Partial<Record<GrammaticalCase, RegExp>> = {
  dat: /(?:ому|ему|ой|ей|ым|им)$/u,
  ins: /(?:ым|им|ой|ей|ыми|ими)$/u,
  nom: /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие)$/u,
  gen: /(?:ого|его|ой|ей|ых|их)$/u,
  any: /(?:ый|ий|ая|ое|ые|ие)$/u,
};

/** "Национальному" → "Национальный", "Генеральной" → "Генеральная", "местным" → "местные". */
function adjectiveNominative(word: string, gender: Gender, plural: boolean): string {
  if (plural) return word.replace(/(?:ыми|ым|ых)$/u, "ые").replace(/(?:ими|им|их)$/u, "ие");
  if (gender === "f" || gender === "fia") return word.replace(/ой$/u, "ая").replace(/ей$/u, "яя");
  if (gender === "n" || gender === "nie") return word.replace(/(?:ому|ым|ого)$/u, "ое").replace(/(?:ему|им|его)$/u, "ее");
  return word.replace(/(?:ому|ым|ого)$/u, "ый").replace(/(?:ему|им|его)$/u, "ий");
}

function isGenericRegions(text: string): boolean {
  return /^(?:(?:всех\s+)?(?:областей|регионов|областей,.*|регионов,.*)|\p{Ll}+\s+(?:регионов|областей)(?:,.*)?)$/u.test(text.trim()) || text.trim() === "";
}

/** "Актюбинской и Западно-Казахстанской областей" → two akimats; "городов Астаны, Алматы" → city akimats. */
function namedAkimats(complement: string): string[] | null {
  const m = /^((?:\p{Lu}[\p{L}-]+(?:\s*,\s*|\s+и\s+)?)+)\s+областей$/u.exec(complement.trim());
  if (m) {
    return m[1]
      .split(/\s*,\s*|\s+и\s+/u)
      .filter(Boolean)
      .map((adjective) => `Акимат ${adjective} области`);
  }
  const c = /^городов\s+((?:\p{Lu}[\p{L}-]+(?:\s*,\s*|\s+и\s+)?)+)$/u.exec(complement.trim());
  if (c) {
    return c[1]
      .split(/\s*,\s*|\s+и\s+/u)
      .filter(Boolean)
      .map((city) => `Акимат города ${city}`);
  }
  return null;
}

const LEGAL = /^(?:АО|ТОО|НАО|НК|РГП|ГУ|РГУ|ГКП|АОО|ОЮЛ|ЧУ)$/u;

/** End index (exclusive, in tokens) of a «…» group starting at `open`, nested quotes allowed. */
function quoteEnd(tokens: Token[], open: number): number {
  let depth = 0;
  let lastClose = -1;
  for (let k = open; k < tokens.length; k++) {
    const t = tokens[k].text;
    if (t === "«" || t === "“") depth++;
    else if (t === "»" || t === "”") {
      depth--;
      lastClose = k;
      if (depth <= 0) return k + 1;
    } else if (t === '"') {
      if (k !== open) return k + 1;
      depth++;
    }
    if (lastClose >= 0 && k - lastClose > 1 && tokens[k].word && !isCapitalized(tokens[k].text)) return lastClose + 1;
  }
  return lastClose >= 0 ? lastClose + 1 : open + 1;
}

export function findOrganizations(sentence: string, people: PersonName[]): OrgMention[] {
  const tokens = tokenize(sentence);
  const mentions: OrgMention[] = [];
  const taken = new Set<number>();
  const inPerson = (t: Token) => people.some((p) => t.start >= p.start && t.end <= p.end);
  const previousWord = (k: number) => {
    for (let j = k - 1; j >= 0; j--) if (tokens[j].word) return tokens[j].lower;
    return "";
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (taken.has(i) || !t.word || inPerson(t)) continue;

    // АО «Казахтелеком», НАО «Государственная корпорация «Правительство для граждан»»
    if (LEGAL.test(t.text) && tokens[i + 1] && /^[«"“]$/u.test(tokens[i + 1].text)) {
      const end = quoteEnd(tokens, i + 1);
      const before = previousWord(i);
      const grammaticalCase: GrammaticalCase = before === "с" || before === "со" ? "ins" : PREPOSITIONS.has(before) ? "other" : "any";
      for (let k = i; k < end; k++) taken.add(k);
      mentions.push({
        start: t.start,
        end: tokens[end - 1].end,
        names: [squeeze(sentence.slice(t.start, tokens[end - 1].end))],
        grammaticalCase,
        allRegionalAkimats: false,
        person: false,
      });
      i = end - 1;
      continue;
    }

    const found = headOf(t);
    if (!found || insideQuotes(sentence, t.start)) continue;
    const { head, plural } = found;
    let grammaticalCase = found.grammaticalCase;

    // Adjectives before the head, agreeing with it: "Национальному банку", "местным исполнительным органам".
    let first = i;
    const adjective = ADJECTIVE_BY_CASE[grammaticalCase];
    for (let k = i - 1; k >= 0 && k >= i - 3 && adjective; k--) {
      const tk = tokens[k];
      if (!tk.word || taken.has(k) || STOP.has(tk.lower) || PREPOSITIONS.has(tk.lower) || inPerson(tk) || !adjective.test(tk.lower)) break;
      first = k;
    }
    const before = previousWord(first);
    if (PREPOSITIONS.has(before) && grammaticalCase !== "ins") grammaticalCase = "other";
    if ((before === "с" || before === "со") && grammaticalCase === "other") grammaticalCase = "ins";

    // The complement after the head.
    let last = i;
    let k = i + 1;
    let afterAdjective = false;
    let poPhrase = false;
    while (k < tokens.length) {
      const tk = tokens[k];
      if (/^[«"“]$/u.test(tk.text)) {
        const end = quoteEnd(tokens, k);
        last = end - 1;
        k = end;
        continue;
      }
      const joins = tk.text === "," || tk.text === "-" || tk.lower === "и";
      if (joins) {
        const next = tokens[k + 1];
        const nextOk =
          next &&
          next.word &&
          !STOP.has(next.lower) &&
          !headOf(next) &&
          !LEGAL.test(next.text) &&
          !isInfinitive(next) &&
          !inPerson(next) &&
          (GENITIVE_LIKE.test(next.lower) || isCapitalized(next.text));
        if (!nextOk) break;
        k++;
        continue;
      }
      if (tk.word) {
        if (k === i + 1 && tk.lower === "по") {
          poPhrase = true;
          last = k;
          k++;
          continue;
        }
        if (inPerson(tk) || STOP.has(tk.lower) || isInfinitive(tk) || headOf(tk) || /^\d/u.test(tk.text)) break;
        if (poPhrase || isCapitalized(tk.text) || (GENITIVE_LIKE.test(tk.lower) && tk.text.length >= 3) || afterAdjective || tk.lower === "дел") {
          afterAdjective = ADJECTIVE_GEN.test(tk.lower) || (poPhrase && /(?:ым|им|ому|ему|ой|ей)$/u.test(tk.lower));
          last = k;
          k++;
          continue;
        }
        break;
      }
      break;
    }
    for (let j = first; j <= last; j++) taken.add(j);
    const complement = squeeze(sentence.slice(t.end, tokens[last].end));
    const adjectives = tokens
      .slice(first, i)
      .map((a) => adjectiveNominative(a.text, head.gender, plural))
      .join(" ");

    let names: string[];
    let allRegionalAkimats = false;
    if (head.kind === "akimat" && (plural || complement === "")) {
      const named = plural ? namedAkimats(complement) : null;
      if (named) names = named;
      else if (isGenericRegions(complement) || /област|регион/u.test(complement)) {
        names = ["Акиматы областей"];
        allRegionalAkimats = true;
      } else names = [capitalizeFirst(squeeze(`Акиматы ${complement}`))];
    } else if (plural && head.kind === "ministry" && /,|\sи\s/u.test(complement)) {
      names = complement
        .split(/\s*,\s*|\s+и\s+/u)
        .filter(Boolean)
        .map((part) => `Министерство ${part}`);
    } else {
      const nominative = plural && head.pl ? head.pl : head.sg;
      names = [capitalizeFirst(squeeze(`${adjectives} ${nominative} ${complement}`))];
    }
    if (/местн\p{L}*\s+исполнительн/iu.test(adjectives)) allRegionalAkimats = true;
    mentions.push({
      start: tokens[first].start,
      end: tokens[last].end,
      names,
      grammaticalCase,
      allRegionalAkimats,
      person: Boolean(head.person),
    });
    i = last;
  }
  // "Министерству энергетики и акиматам": both keep their own case; nothing to share in Russian.
  return mentions;
}

const ROLE_GENITIVE: Record<string, string> = {
  министра: "министр", "вице-министра": "вице-министр", заместителя: "заместитель", председателя: "председатель",
  акима: "аким", руководителя: "руководитель", главы: "глава", директора: "директор", президента: "президент",
  начальника: "начальник", "премьер-министра": "Премьер-Министр", управляющего: "управляющий", секретаря: "секретарь",
  министру: "министр", акиму: "аким", председателю: "председатель", заместителю: "заместитель",
};

// Words after which a person's name is in the genitive or dative ("министра энергетики А. Саткалиева").
const OBLIQUE_CUES = new Set([
  "министра", "министру", "вице-министра", "акима", "акиму", "председателя", "председателю", "заместителя", "заместителю",
  "руководителя", "главы", "директора", "президента", "начальника", "управляющего", "премьер-министра", "председательством",
  "информацию", "словам", "данным", "информации", "у",
]);

/** Is a name that follows `before` in an oblique case? Looks at the last dozen words only (linear, no backtracking). */
function nameIsOblique(before: string): boolean {
  const words = before.slice(-160).toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  return words.slice(-12).some((w) => OBLIQUE_CUES.has(w));
}

function normalizePosition(position: string): string {
  const text = squeeze(position);
  const m = /^([\p{L}-]+)/u.exec(text);
  if (m) {
    const replacement = ROLE_GENITIVE[m[1].toLowerCase()];
    if (replacement) return capitalizeFirst(replacement + text.slice(m[1].length));
  }
  return capitalizeFirst(text);
}

function organizationOfPosition(position: string): string | null {
  const legal = /((?:АО|ТОО|НАО|НК|РГП)\s*«.*»)/u.exec(position);
  if (legal) return legal[1];
  const minister = /(?:^|[\s-])(?<!премьер-)(?:вице-)?министр(?:а|у)?\s+(.+)$/iu.exec(position);
  if (minister && !/премьер-министр/iu.test(position.slice(0, (minister.index ?? 0) + 12))) return `Министерство ${minister[1].trim()}`;
  const akim = /(?:^|\s)акима?\s+(.+)$/iu.exec(position);
  if (akim) return `Акимат ${akim[1].trim()}`;
  const mention = findOrganizations(position, []).find((m) => !m.person);
  return mention ? mention.names[0] : null;
}

function meetingKind(text: string): MeetingKind | null {
  if (/селектор/iu.test(text)) return "selector_meeting";
  if (/заседани\p{L}*\s+Правительства|Правительств\p{L}*\s+(?:провел\p{L}*\s+)?заседани/iu.test(text)) return "government_session";
  if (/совещани/iu.test(text)) return "working_meeting";
  if (/заседани/iu.test(text)) return "other";
  return null;
}

function topic(sentence: string): string | null {
  const m =
    /(?:рассмотрен[ыо]?|рассмотрели|обсуждены|обсудили|обсуждались|обсуждался|обсуждалась)\s+(?:вопрос(?:ы)?\s+)?(.+?)(?:[.;]|$)/iu.exec(sentence) ??
    /(?:посвящен[оа]?|посвящённ?\p{L}*)\s+(.+?)(?:[.;]|$)/iu.exec(sentence) ??
    /совещание\s+по\s+вопросам\s+(.+?)(?:[.;]|$)/iu.exec(sentence);
  return m ? capitalizeFirst(m[1].trim()) : null;
}

const CO_MARKER = /(?<!\p{L})(?:совместно\s+со?|вместе\s+со?|с\s+участием|при\s+участии|во\s+взаимодействии\s+со?|с\s+привлечением)(?!\p{L})/iu;

function assignRoles(clause: string, mentions: OrgMention[], tokens: Token[]): ClauseRoles {
  const inMention = (t: Token) => mentions.some((m) => t.start >= m.start && t.end <= m.end);
  // Co-executors: after "совместно с" up to the action, or any instrumental after "с".
  const co: OrgMention[] = [];
  for (const marker of clause.matchAll(new RegExp(CO_MARKER.source, "giu"))) {
    const from = (marker.index ?? 0) + marker[0].length;
    const stop = tokens.find((t) => t.start >= from && !inMention(t) && (isInfinitive(t) || /^(?:в|до|к|не|поручено|необходимо|поручается)$/u.test(t.lower)));
    const to = stop ? stop.start : clause.length;
    for (const m of mentions) if (m.start >= from && m.start < to && !co.includes(m)) co.push(m);
  }
  for (const m of mentions) if (m.grammaticalCase === "ins" && !co.includes(m)) co.push(m);
  const candidates = mentions.filter((m) => !co.includes(m) && (m.grammaticalCase === "dat" || m.grammaticalCase === "any"));
  // "потребовал от акиматов": the addressee in the genitive after "от".
  if (/потребовал/iu.test(clause)) {
    for (const m of mentions) if (m.grammaticalCase === "other" && /(?:^|\s)от\s*$/u.test(clause.slice(0, m.start))) candidates.push(m);
  }
  const firstAssignee = candidates[0];
  const action = tokens.find((t) => isInfinitive(t) && !inMention(t) && (!firstAssignee || t.start > firstAssignee.end) && !/^(?:поручить|рекомендовать|предложить|обязать|возложить)$/u.test(t.lower));
  const actionAt = action ? action.start : clause.length;
  // Datives after the action are recipients ("доложить Правительству").
  const assignees = candidates.filter((m) => m.start < actionAt);
  return { assignees, coExecutors: co, actionStart: action ? action.start : -1 };
}

function isBareDirective(clause: string, mentions: OrgMention[], tokens: Token[]): boolean {
  const content = stripPoint(clause).offset;
  const first = mentions[0];
  if (!first || first.start - content > 2) return false;
  if (first.grammaticalCase !== "dat" && first.grammaticalCase !== "any") return false;
  if (/^\s*принять\s+к\s+сведению/iu.test(clause.slice(content))) return false;
  return tokens.some((t) => t.start > first.end && isInfinitive(t));
}

/** From the infinitive on: "… поручено до 1 мая завершить ремонт" → "Завершить ремонт." (the deadline is kept apart). */
function actionText(clause: string, roles: ClauseRoles, trigger: { start: number; end: number } | null): string {
  let start = roles.actionStart;
  if (start < 0) {
    start = stripPoint(clause).offset;
    for (const m of [...roles.assignees, ...roles.coExecutors]) start = Math.max(start, m.end);
    if (trigger && trigger.end > start) start = trigger.end;
  }
  let text = clause.slice(start);
  text = text.replace(/[»"”]\s*[,–—-].*$/u, "");
  return finishSentence(text);
}

export const russian: LanguageRules = {
  language: "ru",
  allAkimatsName: "Акиматы областей",
  findOrganizations,
  organizationCue:
    /министерств|министр|агентств|ведомств|правительств|управлени|департамент|госорган|комитет|аким|фонд|банк|аппарат|холдинг|оператор|орган|центр|прокуратур|служб|палат|канцеляри|корпораци|компани|АО|ТОО|НАО|НК|РГП/iu,
  organizationOfPosition,
  normalizePosition,
  pluralPosition: (position) => {
    const m = /^акимы\s+(.+?)\s+областей$/iu.exec(position);
    return m ? m[1].split(/\s*,\s*|\s+и\s+/u).map((adjective) => `Аким ${adjective} области`) : null;
  },
  nameIsOblique,

  chairMarker: /под\s+председательством|совещани[еяи]\s+у|заседани[еяи]\s+у/iu,
  chairFallback: /(?:Премьер-Министр|Глава\s+Правительства|Заместитель\s+Премьер-Министра|Первый\s+заместитель\s+Премьер-Министра)(?:\s+(?:РК|Республики\s+Казахстан))?(?=\s)/u,
  meetingKind,
  topic,

  speakerVerb:
    /(?<!\p{L})(?:доложил[аи]?|выступил[аи]?|проинформировал[аи]?|отчитал(?:ся|ась|ись)|представил[аи]?\s+доклад\p{L}*|сделал[аи]?\s+доклад\p{L}*|с\s+доклад(?:ом|ами))(?!\p{L})/iu,
  weakSpeakerVerb:
    /(?<!\p{L})(?:сообщил[аи]?|отметил[аи]?|рассказал[аи]?|подчеркнул[аи]?|заявил[аи]?|по\s+словам|по\s+информации|по\s+данным|принял[аи]?\s+участие|участвовал[аи]?)(?!\p{L})/iu,
  noteMarker: /принять\s+к\s+сведению\s+информаци/iu,
  speakerLeadIn:
    /^(?:.*?(?<!\p{L})(?:выступили|выступил|выступила|доложили|доложил|доложила|проинформировали|проинформировал|отчитались|информацию|участие)\s+|(?:Также|Кроме\s+того|Затем|Далее|Об\s+этом|На\s+совещании|На\s+заседании),?\s+)/u,
  roleWord: /(?<!\p{L})(?:министр\p{L}*|вице-министр\p{L}*|аким\p{L}*|председател\p{L}*|заместител\p{L}*|руководител\p{L}*|глав[аыу]|директор\p{L}*|президент\p{L}*|начальник\p{L}*|управляющ\p{L}*|секретар\p{L}*|прокурор\p{L}*|ректор\p{L}*)(?!\p{L})/iu,
  presidentWord: /(?:Глав[аыу]\s+государства|Президент\p{L}*|Токаев\p{L}*)/u,
  chairWord: /(?:Премьер-Министр\p{L}*|Глав[аыу]\s+Правительства)/u,

  strongTrigger:
    /(?<!\p{L})(?:поручил[аи]?|поручено|поручается|поручить|дал[аи]?\s+(?:ряд\s+)?поручени[еяй]|дано\s+поручение|даны\s+поручения|поручения\s+даны|поручение\s+дано|обязал[аи]?|обязать|возложено|возложить|рекомендовано|рекомендовать|предложено|предложить|потребовал[аи]?|озадачил[аи]?)(?!\p{L})/iu,
  firstPersonTrigger: /(?<!\p{L})(?:поручаю|прошу|требую|обязываю)(?!\p{L})/iu,
  weakTrigger: /(?<!\p{L})(?:необходимо|нужно|следует|надлежит|должн[аоы]|должен|предстоит)(?!\p{L})/iu,
  exclusion:
    /принять\s+к\s+сведению|контроль\s+за\s+(?:исполнением|выполнением)|напомним|^\s*ранее[\s,]|ранее\s+(?:глава|президент|было|был[аи]?)|было\s+поручено|ранее\s+поручен/iu,
  attribution:
    /(?<!\p{L})(?:сказал[аи]?|отметил[аи]?|подчеркнул[аи]?|заявил[аи]?|добавил[аи]?|по\s+(?:его|ее|её|их)\s+(?:словам|мнению|данным)|по\s+словам|по\s+мнению|по\s+данным|по\s+информации)(?!\p{L})/iu,
  coExecutorMarker: CO_MARKER,
  factMarker:
    /(?<!\p{L})(?:уже|был[аио]?|по\s+состоянию\s+на|на\s+сегодняшний\s+день|с\s+начала\s+года|по\s+итогам\s+(?:\d|года|прошлого|месяц|квартал|полугоди|\p{L}+\s+месяцев)|фактически|составил[аио]?|выполнен[аоы]?|завершен[аоы]?|подключен[аоы]?|построен[аоы]?|введен[аоы]?|освоен[аоы]?|исполнен[аоы]?|достигнут[аоы]?|достигл[аои]|запущен[аоы]?|планиру\p{L}*|намерен[аы]?|подтоплен[аоы]?)(?!\p{L})/iu,
  clauseSplit: /;\s+|,\s+а\s+(?:также\s+)?(?=\p{L})|\s+а\s+также\s+(?=\p{L})/u,
  isActionWord: (t) => isInfinitive(t),
  assignRoles,
  isBareDirective,
  actionText,
};
