import type { MeetingKind } from "../organizations";
import { findFullDates } from "./dates";
import { findDeadlines, type DeadlineMatch } from "./deadlines";
import { stripPoint, type LanguageRules, type OrgMention, type Span } from "./lexicon";
import { displayName, findPersonNames, surnameKey } from "./names";
import type { NormalizedText } from "./normalize";
import type { Sentence } from "./sentences";
import { capitalizeFirst, squeeze, stems, tokenize, type Token } from "./tokens";
import type { DraftDeadline, DraftOrganization, MinutesLanguage } from "./types";

// ---------------------------------------------------------------------------------------------------------
// The meeting: chair, kind, date, title.

const HELD: Record<MinutesLanguage, RegExp> = {
  kk: /(?<!\p{L})(?:өткізді|өткізіп|өткізген|өтті|төрағалық\s+етті)(?!\p{L})/iu,
  ru: /(?<!\p{L})(?:провел|провёл|провела|проводит|провели|состоял\p{L}*|прошл\p{L}*)(?!\p{L})/iu,
  en: /\b(?:held|holds|chaired|chairs|convened|convenes)\b/iu,
};

const LEADING_ADVERBS = /^(?:Бүгін|Кеше|Сегодня|Вчера|Today|Yesterday|Also|Также|Сондай-ақ)\s+/u;

export interface ChairFound {
  name: string;
  position: string | null;
  sentence: number;
  key: string;
}

function chairFrom(sentence: string, at: number, side: "before" | "after", rules: LanguageRules): { name: string; position: string | null } | null {
  const always = () => true;
  if (side === "before") {
    const before = sentence.slice(0, at);
    const names = findPersonNames(before, { roleBefore: always });
    const name = [...names].reverse().find((n) => before.slice(n.end).trim() === "");
    if (!name) return null;
    let position = before.slice(0, name.start);
    position = position.slice(Math.max(position.lastIndexOf(", ") + 1, 0)).trim().replace(LEADING_ADVERBS, "");
    return { name: displayName(name, rules.language, true), position: position ? rules.normalizePosition(position) : null };
  }
  const after = sentence.slice(at);
  const names = findPersonNames(after, { roleBefore: always });
  const name = names[0];
  if (!name || name.start > 120) return null;
  const position = after.slice(0, name.start).replace(/[,–—-]\s*$/u, "").trim();
  const oblique = rules.language === "ru" && rules.nameIsOblique(sentence.slice(0, at + name.start));
  return { name: displayName(name, rules.language, oblique), position: position ? rules.normalizePosition(position) : null };
}

export function findChair(sentences: Sentence[], rules: LanguageRules): ChairFound | null {
  const side = rules.language === "kk" ? "before" : "after";
  for (const s of sentences) {
    const m = rules.chairMarker.exec(s.text);
    if (!m) continue;
    const found = chairFrom(s.text, side === "before" ? m.index : m.index + m[0].length, side, rules);
    if (found) return { ...found, sentence: s.index, key: surnameKey(found.name) };
  }
  // "Премьер-Министр Олжас Бектенов … кеңес өткізді", "Prime Minister … held a meeting".
  for (const requireHeld of [true, false]) {
    for (const s of sentences) {
      if (requireHeld && !HELD[rules.language].test(s.text)) continue;
      const title = new RegExp(rules.chairFallback.source, "gu");
      for (const m of s.text.matchAll(title)) {
        const at = (m.index ?? 0) + m[0].length;
        const names = findPersonNames(s.text.slice(at), { roleBefore: () => true });
        const name = names[0];
        if (!name || name.start > 3) continue;
        const oblique = rules.language === "ru" && /а$/u.test(m[0]);
        const display = displayName(name, rules.language, oblique);
        return { name: display, position: rules.normalizePosition(m[0]), sentence: s.index, key: surnameKey(display) };
      }
    }
  }
  return null;
}

export function findMeetingKind(sentences: Sentence[], headline: string | null, chair: ChairFound | null, rules: LanguageRules): MeetingKind {
  const texts = [headline ?? "", chair ? sentences[chair.sentence]?.text ?? "" : "", ...sentences.slice(0, 4).map((s) => s.text)];
  for (const text of texts) {
    const kind = rules.meetingKind(text);
    if (kind) return kind;
  }
  return "other";
}

export interface MeetingDate {
  date: string | null;
  source: "text" | "option" | "publication" | null;
  textDate: string | null;
}

export function findMeetingDate(
  normalized: NormalizedText,
  sentences: Sentence[],
  chair: ChairFound | null,
  rules: LanguageRules,
  option: string | undefined,
): MeetingDate {
  let textDate: string | null = null;
  // A date stated with the meeting: in the chair's sentence, a sentence naming the meeting, or a protocol header.
  const candidates = [
    ...(chair ? [sentences[chair.sentence].text] : []),
    ...sentences.filter((s) => s.index < 8 && rules.meetingKind(s.text) && HELD[rules.language].test(s.text)).map((s) => s.text),
    // "Астана қаласы 2024 жылғы 23 қаңтар № 17-01/05", "г. Астана 14 марта 2024 года № 12": a protocol's header line.
    ...normalized.paragraphs.slice(0, 5).filter((p) => !/[.!?…]$/u.test(p) && p.split(/\s+/).length <= 14 && /№|No\.|\bN\s?\d/u.test(p)),
    // A dateline opening the lead: "Астана, 2024 жылғы 19 ақпан. …", "ASTANA, 28 May 2024 – …".
    ...normalized.paragraphs.slice(0, 3).map((p) => p.slice(0, 48)).filter((head) => findFullDates(head).some((d) => d.start <= 20)),
  ];
  for (const text of candidates) {
    const dates = findFullDates(text);
    if (dates.length) {
      textDate = dates[0].date;
      break;
    }
  }
  if (textDate) return { date: textDate, source: "text", textDate };
  if (option) return { date: option, source: "option", textDate };
  for (const line of normalized.datelines) {
    const dates = findFullDates(line);
    if (dates.length) return { date: dates[0].date, source: "publication", textDate };
  }
  return { date: null, source: null, textDate };
}

const AGENDA: Record<MinutesLanguage, RegExp> = {
  kk: /^(.{10,200}?)\s+туралы$/u,
  ru: /^((?:О|Об)\s+.{10,200})$/u,
  en: /^(On\s+.{10,200})$/u,
};

export function findTitle(normalized: NormalizedText, sentences: Sentence[], rules: LanguageRules): string | null {
  for (const s of sentences.slice(0, 8)) {
    const topic = rules.topic(s.text);
    if (topic && topic.length >= 8) return tidyTitle(topic);
  }
  for (const p of normalized.paragraphs.slice(0, 10)) {
    const m = AGENDA[rules.language].exec(p);
    if (m && !/[.!?]$/u.test(p)) return tidyTitle(rules.language === "kk" ? p : m[1]);
  }
  return normalized.headline ? tidyTitle(normalized.headline) : null;
}

function tidyTitle(text: string): string {
  const t = squeeze(text).replace(/[.,;:]+$/u, "");
  return capitalizeFirst(t.length > 200 ? `${t.slice(0, 197)}…` : t);
}

// ---------------------------------------------------------------------------------------------------------
// Speakers.

export interface SpeakerFound {
  name: string;
  position: string | null;
  organization: string | null;
  key: string;
}

const ITEM_SEPARATOR = /^(?:[\s,;:–—-]|и\s|және\s|пен\s|мен\s|бен\s|and\s|а\s+также\s|сондай-ақ\s|as\s+well\s+as\s|also\s|также\s)+/iu;
const PARENTHESIZED = /^\(\s*(.+?)\s*\)\.?$/u;

export function findSpeakers(sentences: Sentence[], rules: LanguageRules, chair: ChairFound | null): SpeakerFound[] {
  const speakers: SpeakerFound[] = [];
  const add = (speaker: SpeakerFound) => {
    if (chair && speaker.key === chair.key) return;
    const existing = speakers.find((s) => s.key === speaker.key);
    if (!existing) speakers.push(speaker);
    else {
      existing.position ??= speaker.position;
      existing.organization ??= speaker.organization;
      if (existing.name.length < speaker.name.length && !/\./u.test(speaker.name)) existing.name = speaker.name;
    }
  };
  for (const s of sentences) {
    const text = s.text;
    // A protocol lists who reported under the agenda item: "(Ғиният А., Бейсенбаев Д.)".
    const list = PARENTHESIZED.exec(text);
    if (list) {
      const names = findPersonNames(list[1]).filter((n) => n.form !== "full");
      if (names.length && names.length * 2 >= list[1].split(",").length) {
        for (const n of names) {
          const name = displayName(n, rules.language, false);
          add({ name, position: null, organization: null, key: surnameKey(name) });
        }
        continue;
      }
    }
    const strong = rules.speakerVerb.test(text) || rules.noteMarker.test(text);
    const weak = !strong && rules.weakSpeakerVerb.test(text);
    if (!strong && !weak) continue;
    // A name without a surname ending counts only right after a position ("Deputy Prime Minister Roman Sklyar").
    const roleBefore = (index: number) => rules.roleWord.test((text.slice(Math.max(0, index - 60), index).match(/[\p{L}-]+/gu) ?? []).slice(-3).join(" "));
    const names = findPersonNames(text, { roleBefore });
    let previousEnd = 0;
    let shared: string[] = [];
    for (const n of names) {
      let segment = text.slice(previousEnd, n.start);
      if (previousEnd === 0) segment = segment.replace(rules.speakerLeadIn, "");
      // A verb between two people ("… Мусин доложил, что …"): the position starts after the last clause break.
      if (previousEnd > 0 && (rules.speakerVerb.test(segment) || rules.weakSpeakerVerb.test(segment))) {
        segment = segment.slice(Math.max(segment.lastIndexOf(", "), segment.lastIndexOf(". ")) + 2);
      }
      segment = segment.replace(ITEM_SEPARATOR, "").trim();
      previousEnd = n.end;
      const before = text.slice(Math.max(0, n.start - 40), n.start);
      if (rules.presidentWord.test(before) || rules.chairWord.test(before.slice(-25))) continue;
      let position: string | null = segment && rules.roleWord.test(segment) ? segment : null;
      // "акимы Актюбинской и Западно-Казахстанской областей Ашат Шахаров и Нариман Турегалиев".
      if (position) {
        const split = rules.pluralPosition(rules.normalizePosition(position));
        shared = split && split.length > 1 ? split.slice(1) : [];
        if (split && split.length > 1) position = split[0];
      } else if (!segment && shared.length) {
        position = shared.shift() ?? null;
      }
      if (!position) {
        // Apposition: "Bagdat Mussin, Minister of …, reported".
        const after = /^,\s*([^,]+?)(?:,|\s+(?:reported|said|noted|доложил\p{L}*|сообщил\p{L}*|отметил\p{L}*))/u.exec(text.slice(n.end));
        if (after && rules.roleWord.test(after[1]) && after[1].split(/\s+/).length <= 12) position = after[1];
      }
      if (weak && !position) continue;
      const oblique = rules.language !== "en" && rules.nameIsOblique(text.slice(0, n.start));
      const name = displayName(n, rules.language, oblique);
      if (position) position = rules.normalizePosition(position.replace(/[,;:–—-]+$/u, "").trim());
      const organization = position ? rules.organizationOfPosition(position) : null;
      add({ name, position, organization, key: surnameKey(name) });
    }
  }
  return speakers;
}

// ---------------------------------------------------------------------------------------------------------
// Instructions.

export interface InstructionFound {
  text: string;
  quote: string;
  assignees: DraftOrganization[];
  coExecutors: DraftOrganization[];
  deadline: (DraftDeadline & { unresolved: boolean }) | null;
  confidence: number;
  fromHeadline: boolean;
  sentence: number;
}

function organizationsOf(mentions: OrgMention[]): DraftOrganization[] {
  const out: DraftOrganization[] = [];
  for (const m of mentions) {
    for (const name of m.names) {
      if (out.some((o) => o.name.toLowerCase() === name.toLowerCase())) continue;
      out.push(m.allRegionalAkimats ? { name, allRegionalAkimats: true } : { name });
    }
  }
  // "Regional akimats and the akimats of Astana, Almaty and Shymkent": the first already covers the rest.
  if (out.some((o) => o.allRegionalAkimats)) {
    return out.filter((o) => o.allRegionalAkimats || !/әкімдігі|акимат|akimat/iu.test(o.name));
  }
  return out;
}

function triggerSpan(rules: LanguageRules, clause: string): Span | null {
  return firstMatch(rules.strongTrigger, clause) ?? firstMatch(rules.firstPersonTrigger, clause);
}

function firstMatch(re: RegExp, text: string): Span | null {
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const SEPARATORS = /[,;:()«»"“”]/u;

function factSegment(text: string, match: DeadlineMatch): string {
  let from = match.start;
  while (from > 0 && !SEPARATORS.test(text[from - 1])) from--;
  let to = match.end;
  while (to < text.length && !SEPARATORS.test(text[to])) to++;
  return text.slice(from, to);
}

function pickDeadline(clause: string, rules: LanguageRules, meetingDate: string | null): DeadlineMatch | null {
  for (const match of findDeadlines(clause, rules.language, meetingDate)) {
    if (rules.factMarker.test(factSegment(clause, match))) continue;
    return match;
  }
  return null;
}

// What may precede the addressee of a directive: "The", "Также", "Кроме того,", "Following this, the".
const DISCOURSE_OPENER = /^(?:(?:[\p{L}-]+\s+){0,3}[\p{L}-]+,(?:\s+the)?|the|также|кроме\s+того|сондай-ақ|сонымен\s+қатар|бұдан\s+бөлек|also|in\s+addition)$/iu;

const DEADLINE_LINE = /^(?:срок(?:\s+исполнения)?|мерзімі|орындау\s+мерзімі|deadline|due(?:\s+date)?)\s*[:–—-]?\s*/iu;

function splitClauses(text: string, rules: LanguageRules): { text: string; offset: number }[] {
  const parts: { text: string; offset: number }[] = [];
  let last = 0;
  for (const m of text.matchAll(new RegExp(rules.clauseSplit.source, "gu"))) {
    const at = m.index ?? 0;
    parts.push({ text: text.slice(last, at), offset: last });
    last = at + m[0].length;
  }
  parts.push({ text: text.slice(last), offset: last });
  return parts.filter((p) => p.text.trim());
}

interface Pending {
  assignees: OrgMention[];
  coExecutors: OrgMention[];
  level: number;
}

export function findInstructions(
  sentences: Sentence[],
  normalized: NormalizedText,
  rules: LanguageRules,
  chair: ChairFound | null,
  meetingDate: string | null,
): InstructionFound[] {
  const found: InstructionFound[] = [];
  let pending: Pending | null = null;
  const chairSurname = chair ? chair.name.split(/\s+/).pop() ?? "" : "";
  const speakerIsChair = (text: string) =>
    rules.chairWord.test(text) || (chairSurname.length > 2 && text.includes(chairSurname.slice(0, Math.max(4, chairSurname.length - 2))));
  // An expanded Government session chaired by the President: the Head of State's instructions are this meeting's.
  const chairIsPresident = Boolean(chair && rules.presidentWord.test(`${chair.position ?? ""} ${chair.name}`));

  sentences.forEach((s, index) => {
    const text = s.text;
    const point = stripPoint(text);
    if (pending && point.level > 0 && point.level <= pending.level) pending = null;
    if (rules.exclusion.test(text)) return;
    const strong = rules.strongTrigger.exec(text) ?? rules.firstPersonTrigger.exec(text);
    if (strong) {
      // The Head of State's instructions recalled in a Government meeting item are not this meeting's.
      const subject = text.slice(0, strong.index);
      if (rules.presidentWord.test(subject) && !speakerIsChair(subject) && !chairIsPresident) return;
    }
    const weak = strong ? null : rules.weakTrigger.exec(text);
    if (!strong && !weak && !pending && !rules.organizationCue.test(text)) return;
    const people = findPersonNames(text);

    // "2. Министерству просвещения:" heads sub-points that name no addressee of their own.
    if (/:\s*$/u.test(text)) {
      const tokens = tokenize(text);
      const mentions = rules.findOrganizations(text, people);
      const roles = rules.assignRoles(text, mentions, tokens);
      if (roles.assignees.length && !strong) pending = { assignees: roles.assignees, coExecutors: roles.coExecutors, level: point.level || 1 };
      return;
    }

    const clauses = splitClauses(text, rules);
    const perClause = clauses.map((clause) => {
      const clausePeople = people
        .filter((p) => p.start >= clause.offset && p.end <= clause.offset + clause.text.length)
        .map((p) => ({ ...p, start: p.start - clause.offset, end: p.end - clause.offset }));
      const tokens = tokenize(clause.text);
      const mentions = rules.findOrganizations(clause.text, clausePeople);
      const roles = rules.assignRoles(clause.text, mentions, tokens);
      return { clause, tokens, mentions, roles };
    });
    // Split a sentence into several directives only when each part names its own addressee.
    const units = perClause.length === 1 || perClause.every((c) => c.roles.assignees.length > 0) ? perClause : [
      (() => {
        const tokens = tokenize(text);
        const mentions = rules.findOrganizations(text, people);
        return { clause: { text, offset: 0 }, tokens, mentions, roles: rules.assignRoles(text, mentions, tokens) };
      })(),
    ];

    for (const unit of units) {
      const clause = unit.clause.text;
      let { assignees, coExecutors } = unit.roles;
      let kind: "strong" | "weak" | "bare" | "pending" | null = null;
      if (strong) kind = "strong";
      else if (weak && assignees.length) {
        // "Министерству … необходимо …", "The Ministry … must …": a directive names its addressee first,
        // and is the chair's (not a speaker's "акиматам необходимо", reported).
        const first = unit.mentions[0];
        const lead = first ? clause.slice(stripPoint(clause).offset, first.start).trim() : "";
        const addresseeFirst = first && assignees.includes(first) && (lead === "" || DISCOURSE_OPENER.test(lead));
        const attributed = rules.attribution.exec(text) ?? rules.weakSpeakerVerb.exec(text);
        if (addresseeFirst && (!attributed || speakerIsChair(text))) kind = "weak";
      } else if (rules.isBareDirective(clause, unit.mentions, unit.tokens)) kind = "bare";
      else if (
        pending &&
        assignees.length === 0 &&
        unit.tokens.some((t, i) => rules.isActionWord(t, i, unit.tokens)) &&
        (point.level > pending.level || /^[-–—•]/u.test(text.trim()) || /^\p{Ll}/u.test(point.text.trim()))
      ) {
        kind = "pending";
        assignees = pending.assignees;
        coExecutors = [...pending.coExecutors, ...coExecutors];
      }
      if (!kind) continue;
      if (!assignees.length && kind !== "strong") continue;
      // "The Prime Minister gave a number of instructions." announces a list; it is not one.
      if (!assignees.length) {
        const trigger = triggerSpan(rules, clause);
        const outsideTrigger = (t: Token) => !trigger || t.start >= trigger.end || t.end <= trigger.start;
        if (!unit.tokens.some((t, i) => rules.isActionWord(t, i, unit.tokens) && outsideTrigger(t))) continue;
      }
      const triggerInClause = firstMatch(rules.strongTrigger, clause) ?? firstMatch(rules.firstPersonTrigger, clause) ?? firstMatch(rules.weakTrigger, clause);
      let deadline = pickDeadline(clause, rules, meetingDate);
      if (!deadline && units.length === 1) {
        const next = sentences[index + 1];
        if (next && DEADLINE_LINE.test(next.text)) {
          const line = next.text.replace(DEADLINE_LINE, "");
          const match = findDeadlines(line, rules.language, meetingDate)[0] ?? null;
          const full = findFullDates(line)[0];
          if (match) deadline = match;
          else if (full) deadline = { text: full.text, start: -1, end: -1, date: full.date, kind: "date", unresolved: false };
        }
      }
      const roles = { assignees, coExecutors, actionStart: unit.roles.actionStart };
      const actionText = rules.actionText(clause, kind === "pending" ? { ...roles, assignees: [], coExecutors: [] } : roles, triggerInClause, deadline && deadline.start >= 0 ? deadline : null);
      const confidence = !assignees.length ? 0.5 : kind === "strong" ? 0.9 : kind === "pending" ? 0.8 : kind === "bare" ? 0.75 : 0.7;
      const leads = organizationsOf(assignees);
      found.push({
        text: actionText || text,
        quote: text,
        assignees: leads,
        coExecutors: organizationsOf(coExecutors).filter((c) => !leads.some((a) => a.name.toLowerCase() === c.name.toLowerCase())),
        deadline: deadline ? { text: deadline.text, date: deadline.date, kind: deadline.kind, unresolved: deadline.unresolved } : null,
        confidence,
        fromHeadline: normalized.headlineIsSummary && s.paragraph === 0 && normalized.headline !== null,
        sentence: s.index,
      });
    }
  });

  // A headline summarises the body: its instructions count only when the body has none.
  let result = found.some((f) => !f.fromHeadline) ? found.filter((f) => !f.fromHeadline) : found;
  // No addressee and said again elsewhere with one (a repeated title, a summary line): drop it.
  result = result.filter((f) => {
    if (f.assignees.length) return true;
    const mine = new Set(stems(f.quote));
    return !result.some((o) => {
      if (o === f || !o.assignees.length) return false;
      const other = new Set(stems(o.quote));
      let shared = 0;
      for (const w of mine) if (other.has(w)) shared++;
      return shared / Math.max(1, mine.size) >= 0.5;
    });
  });
  // The same directive twice (a lead repeated further down).
  return result.filter(
    (f, i) =>
      !result.some(
        (o, j) =>
          j < i &&
          squeeze(o.quote).toLowerCase() === squeeze(f.quote).toLowerCase() &&
          o.assignees.map((a) => a.name).join("|") === f.assignees.map((a) => a.name).join("|"),
      ),
  );
}

