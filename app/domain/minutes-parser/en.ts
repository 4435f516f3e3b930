import type { MeetingKind } from "../organizations";
import { finishSentence, stripPoint, type ClauseRoles, type LanguageRules, type OrgMention } from "./lexicon";
import type { PersonName } from "./names";
import { capitalizeFirst, insideQuotes, isCapitalized, squeeze, tokenize, type Token } from "./tokens";

/*
 * English. No case endings: who is the addressee is read from word order — the object of "instructed",
 * the subject of "was tasked" / "shall" / "to <verb>" in a protocol point, and whoever follows
 * "together with" is a co-executor.
 */

type Kind = "ministry" | "akimat" | "other";

interface Head {
  re: RegExp;
  sg: string;
  pl?: string;
  kind: Kind;
  person?: boolean;
  capitalOnly?: boolean;
  lowerPlural?: boolean;
}

const HEADS: Head[] = [
  { re: /^ministr(?:y|ies)$/u, sg: "Ministry", pl: "Ministries", kind: "ministry" },
  { re: /^agenc(?:y|ies)$/u, sg: "Agency", pl: "agencies", kind: "other", lowerPlural: true },
  { re: /^committees?$/u, sg: "Committee", pl: "Committees", kind: "other" },
  { re: /^akimats?$/u, sg: "Akimat", pl: "akimats", kind: "akimat", lowerPlural: true },
  { re: /^akims?$/u, sg: "Akimat", pl: "akimats", kind: "akimat", person: true, lowerPlural: true },
  { re: /^minister$/u, sg: "Ministry", kind: "ministry", person: true },
  { re: /^funds?$/u, sg: "Fund", kind: "other", capitalOnly: true },
  { re: /^banks?$/u, sg: "Bank", kind: "other", capitalOnly: true },
  { re: /^office$/u, sg: "Office", kind: "other", capitalOnly: true },
  { re: /^government$/u, sg: "Government", kind: "other", capitalOnly: true },
  { re: /^service$/u, sg: "Service", kind: "other", capitalOnly: true },
  { re: /^(?:company|corporation|holding)$/u, sg: "", kind: "other", capitalOnly: true },
  { re: /^operators?$/u, sg: "operator", pl: "operators", kind: "other", lowerPlural: true },
  { re: /^bod(?:y|ies)$/u, sg: "body", pl: "bodies", kind: "other", lowerPlural: true },
  { re: /^authorit(?:y|ies)$/u, sg: "authority", pl: "authorities", kind: "other", lowerPlural: true },
  { re: /^(?:centre|center|chamber)$/u, sg: "", kind: "other", capitalOnly: true },
];

const LEGAL = /^(?:JSC|LLP|NC|NJSC|RSE|SE|PLC)$/u;

const STOP = new Set([
  "the", "a", "an", "with", "and", "to", "by", "of", "together", "jointly", "instructed", "tasked", "charged", "ordered", "directed",
  "obliged", "urged", "asked", "all", "also", "was", "were", "is", "are", "shall", "must", "should", "i", "we", "in", "on", "for",
  "from", "as", "at", "that", "which", "who", "prime", "minister", "its", "their", "his", "her",
]);

function headOf(token: Token, next: Token | undefined, previous: Token | undefined): Head | null {
  for (const head of HEADS) {
    if (!head.re.test(token.lower)) continue;
    if (head.capitalOnly && !isCapitalized(token.text)) return null;
    // "Prime Minister" is a person, not a ministry.
    if (token.lower === "minister" && previous?.lower === "prime") return null;
    // "the Government session", "Government reserve", "Government Office": not the Government itself.
    if (token.lower === "government" && next && next.word && !/^(?:to|by|and|with|of|within|for|was|were|is|are|shall|must|on|no)$/u.test(next.lower)) return null;
    return head;
  }
  return null;
}

const GENERIC_REGIONS = /^(?:(?:the|all)\s+)?(?:[\p{Ll}-]+\s+)?(?:regions|oblasts|provinces)$/u;

function akimatNames(complement: string): string[] | null {
  const c = complement.replace(/^of\s+(?:the\s+)?/u, "").trim();
  const regions = /^((?:\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)*(?:\s*,\s*|\s+and\s+)?)+)\s+regions$/u.exec(c);
  if (regions) {
    return regions[1]
      .split(/\s*,\s*|\s+and\s+/u)
      .filter(Boolean)
      .map((name) => `Akimat of ${name} Region`);
  }
  const cities = /^((?:\p{Lu}[\p{L}-]+(?:\s*,\s*|\s+and\s+)?)+)$/u.exec(c);
  if (cities && /,|\sand\s/u.test(c)) {
    return cities[1]
      .split(/\s*,\s*|\s+and\s+/u)
      .filter(Boolean)
      .map((name) => `Akimat of ${name}`);
  }
  return null;
}

export function findOrganizations(sentence: string, people: PersonName[]): OrgMention[] {
  const tokens = tokenize(sentence);
  const mentions: OrgMention[] = [];
  const taken = new Set<number>();
  const inPerson = (t: Token) => people.some((p) => t.start >= p.start && t.end <= p.end);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (taken.has(i) || !t.word || inPerson(t)) continue;
    const legal = LEGAL.test(t.text);
    const head = legal ? null : headOf(t, tokens[i + 1], tokens[i - 1]);
    if (!legal && !head) continue;
    if (insideQuotes(sentence, t.start) && !legal) continue;
    const plural = head ? Boolean(head.pl) && head.re.test(t.lower) && /(?:s|ies)$/u.test(t.lower) && t.lower !== head.sg.toLowerCase() : false;

    // Left: capitalized words ("National Bank", "Kazakhtelecom JSC") or, for generic plurals, adjectives.
    let first = i;
    for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
      const tk = tokens[k];
      if (taken.has(k) || inPerson(tk)) break;
      if (tk.text === '"' || tk.text === "»" || tk.text === "”") {
        // "Kazakhtelecom" JSC
        let j = k - 1;
        while (j >= 0 && tokens[j].text !== '"' && tokens[j].text !== "«" && tokens[j].text !== "“") j--;
        if (j >= 0) first = j;
        break;
      }
      if (!tk.word || STOP.has(tk.lower)) break;
      if (isCapitalized(tk.text) || (head?.lowerPlural && k >= i - 2)) first = k;
      else break;
    }
    // Right: "of Digital Development, Innovation and Aerospace Industry", "of Akmola and Kostanay regions".
    let last = i;
    let k = i + 1;
    if (!legal && tokens[k] && LEGAL.test(tokens[k].text)) {
      last = k;
      k++;
    } else if (legal && tokens[k] && (/^["«“]$/u.test(tokens[k].text) || (tokens[k].word && isCapitalized(tokens[k].text)))) {
      while (k < tokens.length && (tokens[k].word ? isCapitalized(tokens[k].text) || /^(?:of|and)$/u.test(tokens[k].lower) : /^["«»“”-]$/u.test(tokens[k].text))) {
        last = k;
        k++;
      }
    } else if (tokens[k] && /^(?:of|for|on)$/u.test(tokens[k].lower) && head) {
      let j = k + 1;
      let sawName = false;
      while (j < tokens.length) {
        const tj = tokens[j];
        if (tj.word && isCapitalized(tj.text) && !headOf(tj, tokens[j + 1], tokens[j - 1]) && !inPerson(tj) && !/^(?:The|I)$/u.test(tj.text)) {
          sawName = true;
          last = j;
          j++;
          continue;
        }
        // "of the Population", "of the Republic of Kazakhstan", "of the flood-prone regions".
        const nextWord = tokens[j + 1];
        const afterThe = nextWord?.lower === "the" ? tokens[j + 2] : nextWord;
        if (tj.word && /^(?:the|of)$/u.test(tj.lower) && afterThe?.word && (isCapitalized(afterThe.text) || head.kind === "akimat")) {
          j++;
          continue;
        }
        if ((tj.text === "," || tj.lower === "and") && tokens[j + 1]?.word && isCapitalized(tokens[j + 1].text) && !/^The$/u.test(tokens[j + 1].text)) {
          // "… Development and KazAvtoZhol JSC": the capitalized words after "and" name another organization.
          let x = j + 1;
          while (x < tokens.length && tokens[x].word && isCapitalized(tokens[x].text) && !LEGAL.test(tokens[x].text) && !headOf(tokens[x], tokens[x + 1], tokens[x - 1])) x++;
          const another = x < tokens.length && tokens[x].word && (LEGAL.test(tokens[x].text) || Boolean(headOf(tokens[x], tokens[x + 1], tokens[x - 1])));
          if (another) break;
          j++;
          continue;
        }
        if (head.kind === "akimat" && tj.word && /^(?:regions?|cities|city|districts?|oblasts?)$/u.test(tj.lower)) {
          last = j;
          j++;
          sawName = true;
          break;
        }
        if (head.kind === "akimat" && tj.word && /^[\p{Ll}-]+$/u.test(tj.lower) && /^(?:regions?|oblasts?)$/u.test(tokens[j + 1]?.lower ?? "")) {
          j++;
          continue;
        }
        break;
      }
      if (!sawName) last = i;
    }
    for (let j = first; j <= last; j++) taken.add(j);
    const leftText = first < i ? sentence.slice(tokens[first].start, t.start).trim() : "";
    const complement = last > i ? squeeze(sentence.slice(t.end, tokens[last].end)) : "";

    let names: string[];
    let allRegionalAkimats = false;
    if (head?.kind === "akimat" && (plural || (!complement && !leftText))) {
      const named = plural ? akimatNames(complement) : null;
      if (named) names = named;
      else if (!complement || GENERIC_REGIONS.test(complement.replace(/^of\s+/u, "")) || /regional|local/iu.test(leftText)) {
        names = ["Regional akimats"];
        allRegionalAkimats = true;
      } else names = [capitalizeFirst(squeeze(`akimats ${complement}`))];
    } else if (head?.kind === "ministry" && plural && /,|\sand\s/u.test(complement)) {
      names = complement
        .replace(/^of\s+/u, "")
        .split(/\s*,\s*|\s+and\s+/u)
        .filter(Boolean)
        .map((part) => `Ministry of ${part}`);
    } else {
      const word = head ? (head.person ? head.sg : t.text) : t.text;
      names = [capitalizeFirst(squeeze(`${leftText} ${word} ${complement}`))];
    }
    if (/local\s+executive/iu.test(leftText) && head?.re.test("bodies")) allRegionalAkimats = true;
    mentions.push({
      start: tokens[first].start,
      end: tokens[last].end,
      names,
      grammaticalCase: "any",
      allRegionalAkimats,
      person: Boolean(head?.person),
    });
    i = last;
  }
  return mentions;
}

function organizationOfPosition(position: string): string | null {
  const legal = /((?:\p{Lu}[\p{L}-]*\s+){1,3}(?:JSC|LLP|NJSC|NC)|(?:JSC|LLP|NJSC|NC)\s+["«]?\p{Lu}[^,]*)/u.exec(position);
  if (legal) return legal[1].trim();
  const minister = /(?:^|\s)(?:(?:First\s+)?(?:Vice|Deputy)\s+)?Minister\s+((?:of|for)\s+.+)$/iu.exec(position);
  if (minister && !/prime\s+minister/iu.test(position)) return `Ministry ${minister[1].trim()}`;
  const akim = /(?:^|\s)Akim\s+(of\s+.+)$/iu.exec(position);
  if (akim) return `Akimat ${akim[1].trim()}`;
  const mention = findOrganizations(position, []).find((m) => !m.person);
  return mention ? mention.names[0] : null;
}

function meetingKind(text: string): MeetingKind | null {
  if (/selector/iu.test(text)) return "selector_meeting";
  if (/Government\s+(?:session|meeting)|(?:session|meeting)\s+of\s+the\s+Government|Cabinet\s+meeting/iu.test(text)) return "government_session";
  if (/(?<!\p{L})(?:meeting|conference)(?!\p{L})/iu.test(text)) return "working_meeting";
  return null;
}

function topic(sentence: string): string | null {
  const m =
    /(?:discussed|considered|reviewed|focused\s+on|(?:was\s+)?(?:devoted|dedicated)\s+to)\s+(.+?)(?:,\s+\p{Lu}[\p{L}]+\s+reports|[.;]|$)/u.exec(sentence) ??
    /(?:meeting|session|conference)\s+on\s+(.+?)(?:[.;]|$)/u.exec(sentence);
  return m ? capitalizeFirst(m[1].trim()) : null;
}

const CO_MARKER =
  /\b(?:together\s+with|jointly\s+with|in\s+cooperation\s+with|in\s+conjunction\s+with|in\s+collaboration\s+with|along\s+with|with\s+the\s+(?:participation|involvement)\s+of)\b/iu;
const ACTIVE = /\b(?:instructed|instructs|instruct|tasked|tasks|charged|ordered|directed|obliged|urged|called\s+on|called\s+upon|asked|demanded)\b/iu;
const PASSIVE = /\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:also\s+)?(?:instructed|tasked|charged|ordered|directed|obliged|entrusted|assigned|asked|given\s+the\s+task)\b/iu;
const MODAL = /\b(?:shall|must|should|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to)\b/iu;
const INSTRUCTIONS_TO = /\b(?:instructions|tasks|orders)\s+(?:were\s+)?(?:given|issued|set)\s+(?:to|for)\b|\bgave\s+(?:\w+\s+){0,3}(?:instructions|tasks|orders)\s+to\b/iu;

function zoneEnd(clause: string, from: number, mentions: OrgMention[]): number {
  const re = /\s(?:to\s+(?!the\b|a\b|an\b|all\b|its\b|their\b)\p{Ll}+|with\s+\p{Ll}+ing\b)/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(clause))) {
    const at = m.index;
    if (!mentions.some((x) => at >= x.start && at < x.end)) return at;
  }
  return clause.length;
}

function assignRoles(clause: string, mentions: OrgMention[]): ClauseRoles {
  const content = stripPoint(clause).offset;
  const passive = PASSIVE.exec(clause);
  const active = ACTIVE.exec(clause);
  const to = INSTRUCTIONS_TO.exec(clause);
  const modal = MODAL.exec(clause);
  let zone: [number, number];
  let actionFrom = -1;
  if (passive) {
    zone = [content, passive.index];
    actionFrom = passive.index + passive[0].length;
  }
  else if (to) {
    const from = to.index + to[0].length;
    zone = [from, zoneEnd(clause, from, mentions)];
  } else if (active && mentions.some((m) => m.start > active.index)) {
    const from = active.index + active[0].length;
    zone = [from, zoneEnd(clause, from, mentions)];
  } else if (modal && mentions.some((m) => m.start < modal.index)) zone = [content, modal.index];
  else zone = [content, zoneEnd(clause, content, mentions)];
  const inZone = mentions.filter((m) => m.start >= zone[0] && m.start < zone[1]);
  const co: OrgMention[] = [];
  for (const marker of clause.matchAll(new RegExp(CO_MARKER.source, "giu"))) {
    const from = (marker.index ?? 0) + marker[0].length;
    const rest = clause.slice(from);
    const stop = /,\s|\sto\s\p{Ll}|\s(?:shall|must|should|is\s+to|are\s+to)\b/u.exec(rest);
    const until = stop ? from + stop.index : clause.length;
    for (const m of mentions) if (m.start >= from && m.start < until && !co.includes(m)) co.push(m);
  }
  const assignees = inZone.filter((m) => !co.includes(m));
  const actionAt = actionFrom >= 0 ? actionFrom : zone[1] < clause.length ? zone[1] : -1;
  return { assignees, coExecutors: co, actionStart: actionAt };
}

/** "2. The Ministry of Energy shall …", "The Ministry of Finance to allocate …", "To the Ministry of …: ensure …". */
function isBareDirective(clause: string, mentions: OrgMention[]): boolean {
  const content = stripPoint(clause).offset;
  const first = mentions[0];
  if (!first) return false;
  if (!/^(?:(?:to\s+)?the)?$/iu.test(clause.slice(content, first.start).trim())) return false;
  const after = clause.slice(first.end);
  return /^(?:[^.;]*?,\s+)?(?:\s*(?:and|,)\s+[^.;]*?)?\s*(?:shall|must|should|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to|to\s+\p{Ll}+)\b/u.test(after);
}

function actionText(clause: string, roles: ClauseRoles, trigger: { start: number; end: number } | null): string {
  let start = roles.actionStart;
  if (start < 0) {
    start = stripPoint(clause).offset;
    for (const m of [...roles.assignees, ...roles.coExecutors]) start = Math.max(start, m.end);
    if (trigger && trigger.end > start) start = trigger.end;
  }
  let text = clause.slice(start).replace(/^\s*(?:,\s*)?(?:to|with|shall|must|should|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to)\s+/iu, "");
  const modal = MODAL.exec(text);
  if (roles.actionStart < 0 && modal && modal.index < 3) text = text.slice(modal.index + modal[0].length);
  text = text.replace(/,?["”]\s*,?\s*\p{Lu}[\p{L}\s.]*\b(?:said|stressed|noted|added)\.?$/u, "");
  return finishSentence(text);
}

export const english: LanguageRules = {
  language: "en",
  allAkimatsName: "Regional akimats",
  findOrganizations,
  organizationCue: /ministr|agenc|committee|akim|fund|bank|office|government|service|company|corporation|holding|operator|bod(?:y|ies)|authorit|centre|center|chamber|JSC|LLP|NJSC/iu,
  organizationOfPosition,
  normalizePosition: (position) => capitalizeFirst(squeeze(position)),
  pluralPosition: (position) => {
    const m = /^akims\s+of\s+(.+?)\s+regions$/iu.exec(position);
    return m ? m[1].split(/\s*,\s*|\s+and\s+/u).map((place) => `Akim of ${place} Region`) : null;
  },
  nameIsOblique: () => false,

  chairMarker: /\bchaired\s+by\b|\bunder\s+the\s+chairmanship\s+of\b|\bpresided\s+over\s+by\b/iu,
  chairFallback: /\b(?:(?:First\s+)?Deputy\s+Prime\s+Minister|Prime\s+Minister|Head\s+of\s+Government)(?=\s)/u,
  meetingKind,
  topic,

  speakerVerb:
    /\b(?:reported|briefed|made\s+(?:a\s+)?reports?|delivered\s+(?:a\s+)?reports?|presented\s+(?:a\s+)?reports?|reports\s+were\s+(?:made|delivered|presented)\s+by|heard\s+(?:the\s+)?reports?\s+(?:of|from|by)|informed|spoke|took\s+the\s+floor)\b/iu,
  weakSpeakerVerb: /\b(?:said|noted|stressed|emphasi[sz]ed|stated|according\s+to|told|took\s+part|participated|attended)\b/iu,
  noteMarker: /information\s+of\s+.*(?:taken\s+into\s+account|noted)|take\s+note\s+of\s+the\s+information/iu,
  speakerLeadIn:
    /^(?:.*?\b(?:reports\s+were\s+(?:made|delivered|presented)\s+by|heard\s+(?:the\s+)?reports?\s+(?:of|from|by)|the\s+information\s+of|take\s+note\s+of\s+the\s+information\s+of)\s+|(?:Also|In\s+addition|At\s+the\s+meeting|During\s+the\s+meeting|Then|Next),?\s+)/iu,
  roleWord: /\b(?:Minister|Akim|Chairman|Chairwoman|Chair|Director|Head|Deputy|President|CEO|Governor|Rector|Secretary|Prosecutor|Managing|Vice)\b/iu,
  presidentWord: /\b(?:Head\s+of\s+State|President|Tokayev)\b/u,
  chairWord: /\b(?:Prime\s+Minister|Head\s+of\s+Government)\b/u,

  strongTrigger:
    /\b(?:instructed|instructs|tasked|charged|ordered|directed|obliged|entrusted|mandated)\b|\bgave\s+(?:\w+\s+){0,3}(?:instructions|orders|tasks)\b|\binstructions\s+were\s+(?:given|issued)\b|\bwas\s+given\s+the\s+task\b/iu,
  firstPersonTrigger: /\b(?:I|We)\s+(?:instruct|am\s+instructing|ask|charge|task|order|request|urge|demand)\b/u,
  weakTrigger: /\b(?:urged|called\s+on|called\s+upon|asked|demanded|required|must|shall|should|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to)\b/iu,
  exclusion:
    /taken\s+into\s+account|take\s+note|control\s+over\s+the\s+(?:execution|implementation)|recall\s+that|as\s+a\s+reminder|^\s*(?:earlier|previously)[\s,]|previously\s+instructed|had\s+instructed|earlier\s+instructed/iu,
  attribution: /\b(?:said|stressed|noted|added|emphasi[sz]ed|according\s+to|in\s+(?:his|her)\s+(?:words|opinion))\b/iu,
  coExecutorMarker: CO_MARKER,
  factMarker:
    /\b(?:already|was(?!\s+(?:also\s+)?(?:instructed|tasked|charged|ordered|given|asked|obliged|directed|entrusted))|were(?!\s+(?:also\s+)?(?:instructed|tasked|charged|ordered|given|asked|obliged|directed|entrusted))|has\s+been|have\s+been|had|as\s+of|since|so\s+far|to\s+date|reached|completed|amounted|slowed|rose|grew|increased|decreased|last\s+year)\b/iu,
  clauseSplit: /;\s+|,\s+(?:and|while)\s+(?=(?:the\s+)?(?:\p{Lu}|akimats?|akims?|ministr))/u,
  isActionWord: (t) => t.word && /^(?:to)$/u.test(t.lower),
  assignRoles,
  isBareDirective,
  actionText,
};
