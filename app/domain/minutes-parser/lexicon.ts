import type { MeetingKind } from "../organizations";
import type { PersonName } from "./names";
import type { Token } from "./tokens";
import type { MinutesLanguage } from "./types";

export type GrammaticalCase = "dat" | "ins" | "nom" | "gen" | "any" | "other";

/** An organization named in a sentence. */
export interface OrgMention {
  start: number;
  end: number;
  /** Names in a nominative-ish form; a plural ("Ақтөбе, Қостанай облыстарының әкімдіктеріне") gives several. */
  names: string[];
  grammaticalCase: GrammaticalCase;
  allRegionalAkimats: boolean;
  /** Named through a person ("министру энергетики", "Minister of Energy"). */
  person: boolean;
}

export interface Span {
  start: number;
  end: number;
}

/** Where, inside one directive clause, the action is and who is named in which role. */
export interface ClauseRoles {
  assignees: OrgMention[];
  coExecutors: OrgMention[];
  /** Start of the action (infinitive, verbal noun) in clause offsets, or -1. */
  actionStart: number;
}

export interface LanguageRules {
  language: MinutesLanguage;
  /** Name used for "all the akimats". */
  allAkimatsName: string;
  findOrganizations(sentence: string, people: PersonName[]): OrgMention[];
  /** A cheap test: could the text name an organization at all? (Sentences without one are skipped.) */
  organizationCue: RegExp;
  /** "Энергетика министрі" → "Энергетика министрлігі"; "аким Карагандинской области" → "Акимат Карагандинской области". */
  organizationOfPosition(position: string): string | null;
  /** A position as it reads in a list of positions: nominative, first letter capital. */
  normalizePosition(position: string): string;
  /** A position shared by several people ("акимы Актюбинской и Западно-Казахстанской областей") split per person. */
  pluralPosition(position: string): string[] | null;
  /** Is the person named after this text in an oblique case (Russian "министра", "председателя")? */
  nameIsOblique(before: string): boolean;

  chairMarker: RegExp;
  chairFallback: RegExp;
  meetingKind(text: string): MeetingKind | null;
  topic(sentence: string): string | null;

  speakerVerb: RegExp;
  weakSpeakerVerb: RegExp;
  noteMarker: RegExp;
  /** Words that open a sentence before the first speaker's position ("Отырыста", "С докладами выступили"). */
  speakerLeadIn: RegExp;
  roleWord: RegExp;
  presidentWord: RegExp;
  chairWord: RegExp;

  strongTrigger: RegExp;
  firstPersonTrigger: RegExp;
  weakTrigger: RegExp;
  exclusion: RegExp;
  attribution: RegExp;
  coExecutorMarker: RegExp;
  factMarker: RegExp;
  /** Where a second directive starts inside one sentence (", а акиматам –"). */
  clauseSplit: RegExp;
  isActionWord(token: Token, index: number, tokens: Token[]): boolean;
  /** Roles of the organizations of one clause of a directive. */
  assignRoles(clause: string, mentions: OrgMention[], tokens: Token[]): ClauseRoles;
  /** Bare directive: "Министерству … обеспечить …", "Министрлікке … қамтамасыз ету", "The Ministry … to ensure …". */
  isBareDirective(clause: string, mentions: OrgMention[], tokens: Token[]): boolean;
  /** The action of a clause, in the form a protocol writes it. */
  actionText(clause: string, roles: ClauseRoles, trigger: Span | null, deadline: Span | null): string;
}

/** A point number or bullet at the start of a sentence ("1.", "2.1.", "3)", "а)", "–", "•"). */
export const POINT_PREFIX = /^\s*(?:(?:\d+(?:\.\d+)*\.?|\d+\)|[\p{Ll}]\)|[IVX]+\.)\s+|[-–—•·*▪]\s*)/u;

export function stripPoint(text: string): { text: string; offset: number; level: number } {
  const m = POINT_PREFIX.exec(text);
  if (!m) return { text, offset: 0, level: 0 };
  // "2.1." is a level deeper than "2."; "1)", "а)" and bullets sit under the numbered point before them.
  const number = /^\s*(\d+(?:\.\d+)*)\.?\s/u.exec(m[0]);
  const level = number ? number[1].split(".").length : 9;
  return { text: text.slice(m[0].length), offset: m[0].length, level };
}

/** First letter capital, a full stop at the end, no dangling punctuation. */
export function finishSentence(text: string): string {
  const trimmed = text
    .replace(/^[\s,;:–—-]+/u, "")
    .replace(/[\s,;:–—«"“]+$/u, "")
    .replace(/^[«"“]\s*/u, "")
    .replace(/\s*[»"”]$/u, "")
    .trim();
  if (!trimmed) return trimmed;
  const first = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?…]$/u.test(first) ? first : `${first}.`;
}
