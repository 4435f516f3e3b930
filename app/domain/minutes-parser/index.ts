import { isCalendarDate } from "../calendar";
import { english } from "./en";
import { findChair, findInstructions, findMeetingDate, findMeetingKind, findSpeakers, findTitle } from "./extract";
import { kazakh } from "./kk";
import { detectLanguage } from "./language";
import type { LanguageRules } from "./lexicon";
import { normalizeSource } from "./normalize";
import { matchOrganization, prepareDirectory, type PreparedDirectory } from "./organizations";
import { russian } from "./ru";
import { splitSentences } from "./sentences";
import { clearTokenMemo } from "./tokens";
import type { DraftOrganization, DraftWarning, MinutesDraft, MinutesLanguage, ParseOptions } from "./types";

/*
 * The minutes-text parser: a meeting report pasted in Kazakh, Russian or English → a draft of the minutes
 * for the secretariat to confirm (chair, speakers, instructions with assignees and deadlines).
 * Pure and deterministic: no I/O, no clock; dates come from the text or options.meetingDate.
 * See docs/decisions/010-minutes-parser.md for why it is rules and lexicons rather than a model.
 */

export type * from "./types";
export { normalizeSource } from "./normalize";
export { resolveDeadline } from "./deadlines";
export { detectLanguage } from "./language";

const RULES: Record<MinutesLanguage, LanguageRules> = { kk: kazakh, ru: russian, en: english };

const MESSAGES = {
  no_meeting_date: "The text gives no meeting date: relative deadlines are left without a date. Supply the meeting date.",
  meeting_date_from_publication: "The meeting date was taken from the publication date of the page; check it.",
  meeting_date_conflict: "The text states a meeting date different from the one supplied; the text's date is used.",
  no_chair: "No chair found.",
  no_instructions: "No instructions found.",
  no_assignee: "No addressee found for this instruction.",
  deadline_unresolved: "The deadline needs the meeting date to become a date.",
  deadline_needs_date: "The deadline has no calendar date (promptly / regularly): set one.",
  organization_not_in_directory: "Organization not in the directory; proposed as new:",
} as const;

function matchAll(organizations: DraftOrganization[], directory: PreparedDirectory | null, unknown: Set<string>): DraftOrganization[] {
  if (!directory) return organizations;
  return organizations.map((organization) => {
    if (organization.allRegionalAkimats) return { ...organization, organizationId: null, proposedNew: false };
    const match = matchOrganization(organization.name, directory);
    if (!match) unknown.add(organization.name);
    return { ...organization, organizationId: match?.id ?? null, proposedNew: !match };
  });
}

export function parseMinutes(text: string, options: ParseOptions = {}): MinutesDraft {
  if (options.meetingDate !== undefined && !isCalendarDate(options.meetingDate)) {
    throw new RangeError(`meetingDate must be a calendar date YYYY-MM-DD, got "${options.meetingDate}"`);
  }
  clearTokenMemo();
  const normalized = normalizeSource(text);
  const language = options.language ?? detectLanguage(normalized.paragraphs.join("\n"));
  const rules = RULES[language];
  const sentences = splitSentences(normalized.paragraphs);
  const directory = options.directory ? prepareDirectory(options.directory) : null;
  const warnings: DraftWarning[] = [];
  const unknown = new Set<string>();

  const chair = findChair(sentences, rules);
  const meetingDate = findMeetingDate(normalized, sentences, chair, rules, options.meetingDate);
  if (meetingDate.source === "publication") warnings.push({ code: "meeting_date_from_publication", message: MESSAGES.meeting_date_from_publication });
  if (meetingDate.source === null) warnings.push({ code: "no_meeting_date", message: MESSAGES.no_meeting_date });
  if (meetingDate.source === "text" && options.meetingDate && options.meetingDate !== meetingDate.date) {
    warnings.push({ code: "meeting_date_conflict", message: `${MESSAGES.meeting_date_conflict} (${meetingDate.date} / ${options.meetingDate})` });
  }
  if (!chair) warnings.push({ code: "no_chair", message: MESSAGES.no_chair });

  const speakers = findSpeakers(sentences, rules, chair).map(({ name, position, organization }) => {
    if (!organization || !directory) return { name, position, organization };
    const match = matchOrganization(organization, directory);
    if (!match) unknown.add(organization);
    return { name, position, organization, organizationId: match?.id ?? null, proposedNew: !match };
  });

  const found = findInstructions(sentences, normalized, rules, chair, meetingDate.date);
  const instructions = found.map((f, i) => {
    const number = i + 1;
    if (!f.assignees.length) warnings.push({ code: "no_assignee", message: MESSAGES.no_assignee, instruction: number });
    if (f.deadline?.unresolved) warnings.push({ code: "deadline_unresolved", message: `${MESSAGES.deadline_unresolved} («${f.deadline.text}»)`, instruction: number });
    else if (f.deadline && f.deadline.date === null) {
      warnings.push({ code: "deadline_needs_date", message: `${MESSAGES.deadline_needs_date} («${f.deadline.text}»)`, instruction: number });
    }
    const assignees = matchAll(f.assignees, directory, unknown);
    return {
      text: f.text,
      assignees,
      coExecutors: matchAll(f.coExecutors, directory, unknown),
      deadline: f.deadline ? { text: f.deadline.text, date: f.deadline.date, kind: f.deadline.kind } : null,
      quote: f.quote,
      allRegionalAkimats: assignees.some((a) => a.allRegionalAkimats === true),
      confidence: f.confidence,
    };
  });
  if (!instructions.length) warnings.push({ code: "no_instructions", message: MESSAGES.no_instructions });
  for (const name of unknown) warnings.push({ code: "organization_not_in_directory", message: `${MESSAGES.organization_not_in_directory} ${name}` });

  return {
    language,
    meeting: {
      kind: findMeetingKind(sentences, normalized.headline, chair, rules),
      chair: chair?.name ?? null,
      chairPosition: chair?.position ?? null,
      date: meetingDate.date,
      dateSource: meetingDate.source,
      title: findTitle(normalized, sentences, rules),
    },
    speakers,
    instructions,
    warnings,
  };
}
