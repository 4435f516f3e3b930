import type { DraftWarning, MinutesDraft } from "./minutes-parser/types";
import { normalizeSource } from "./minutes-parser/normalize";

/*
 * The import review form, as pure functions: the parser's draft → the form's initial values, and the
 * submitted values → a structured review the confirm schema checks. Values are flat (field name → string)
 * because that is what a form without JavaScript posts, and what the review page keeps and re-renders.
 *
 * Field names: kind, title, heldDate, heldTime, chair, chairName;
 * speakers.N.{include,person,name,position,organization};
 * instructions.N.{include,text,deadline,lead.M,co.M}.
 * Organization choices are an organization id, "new:<name>" (create it on confirm) or "akimats"
 * (every regional-level akimat); a person choice is a person id or "new".
 */

export const NEW_CHOICE = "new";
export const NEW_ORGANIZATION_PREFIX = "new:";
export const ALL_AKIMATS_CHOICE = "akimats";

export type ReviewValues = Record<string, string>;

/** A parser warning as the review page shows it: by its code (translated there), with its one value. */
export interface ReviewWarning {
  code: DraftWarning["code"];
  instruction?: number;
  name?: string;
}

export interface PersonOption {
  id: string;
  full_name: string;
}

function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("kk").replace(/[.\s]+/g, " ").trim();
}

/**
 * A person of the directory written as the text writes them: the same full name, or the same surname with
 * the same first initial ("А. Мамин" for "Асқар Мамин"). Only a single candidate counts as a match.
 */
export function matchPerson(name: string | null | undefined, people: PersonOption[]): string | null {
  if (!name) return null;
  const wanted = fold(name);
  const exact = people.filter((person) => fold(person.full_name) === wanted);
  if (exact.length === 1) return exact[0].id;
  const words = wanted.split(" ");
  if (words.length < 2) return null;
  const surname = words.at(-1)!;
  const initial = words[0][0];
  const candidates = people.filter((person) => {
    const theirs = fold(person.full_name).split(" ");
    // Either order: "Мамин Асқар" and "Асқар Мамин" both appear in directories.
    return (theirs.at(-1) === surname && theirs[0][0] === initial) || (theirs[0] === surname && theirs.length > 1 && theirs[1][0] === initial);
  });
  return candidates.length === 1 ? candidates[0].id : null;
}

function organizationChoice(organization: { name: string; organizationId?: string | null; allRegionalAkimats?: boolean }): string {
  if (organization.allRegionalAkimats) return ALL_AKIMATS_CHOICE;
  if (organization.organizationId) return organization.organizationId;
  return `${NEW_ORGANIZATION_PREFIX}${organization.name}`;
}

/** The review form as the parser proposes it: matches preselected, unmatched names proposed as new. */
export function draftToReviewValues(draft: MinutesDraft, people: PersonOption[], fallbackDate: string): ReviewValues {
  const values: ReviewValues = {
    kind: draft.meeting.kind,
    title: draft.meeting.title ?? "",
    heldDate: draft.meeting.date ?? fallbackDate,
    heldTime: "10:00",
    chair: "",
    chairName: draft.meeting.chair ?? "",
  };
  if (draft.meeting.chair) values.chair = matchPerson(draft.meeting.chair, people) ?? NEW_CHOICE;
  draft.speakers.forEach((speaker, i) => {
    const prefix = `speakers.${i}.`;
    values[`${prefix}include`] = "on";
    values[`${prefix}person`] = matchPerson(speaker.name, people) ?? NEW_CHOICE;
    values[`${prefix}name`] = speaker.name;
    values[`${prefix}position`] = speaker.position ?? "";
    values[`${prefix}organization`] = speaker.organization ? organizationChoice({ name: speaker.organization, organizationId: speaker.organizationId }) : "";
  });
  draft.instructions.forEach((instruction, i) => {
    const prefix = `instructions.${i}.`;
    values[`${prefix}include`] = "on";
    values[`${prefix}text`] = instruction.text;
    values[`${prefix}deadline`] = instruction.deadline?.date ?? "";
    instruction.assignees.forEach((assignee, m) => (values[`${prefix}lead.${m}`] = organizationChoice(assignee)));
    instruction.coExecutors.forEach((co, m) => (values[`${prefix}co.${m}`] = organizationChoice(co)));
  });
  return values;
}

/** The indices used under a prefix ("speakers." → [0, 1, …]), in order. */
export function indicesOf(values: ReviewValues, prefix: string): number[] {
  const found = new Set<number>();
  const pattern = new RegExp(`^${prefix.replace(/\./g, "\\.")}(\\d+)\\.`);
  for (const key of Object.keys(values)) {
    const match = pattern.exec(key);
    if (match) found.add(Number(match[1]));
  }
  return [...found].sort((a, b) => a - b);
}

/** The non-empty choices of a list of selects (instructions.0.lead.0, .1, …), in order, without repeats. */
export function choicesOf(values: ReviewValues, prefix: string): string[] {
  const slots = Object.keys(values)
    .filter((key) => key.startsWith(prefix) && /^\d+$/.test(key.slice(prefix.length)))
    .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
  return [...new Set(slots.map((key) => values[key]).filter((value) => value !== ""))];
}

/** The structured review the confirm schema checks; field names stay recoverable for the errors. */
export function structureReview(values: ReviewValues) {
  return {
    kind: values.kind,
    title: values.title,
    heldDate: values.heldDate,
    heldTime: values.heldTime,
    chair: values.chair ?? "",
    chairName: values.chairName ?? "",
    speakers: indicesOf(values, "speakers.").map((i) => ({
      index: i,
      include: values[`speakers.${i}.include`] === "on",
      person: values[`speakers.${i}.person`] ?? "",
      name: values[`speakers.${i}.name`] ?? "",
      position: values[`speakers.${i}.position`] ?? "",
      organization: values[`speakers.${i}.organization`] ?? "",
    })),
    instructions: indicesOf(values, "instructions.").map((i) => ({
      index: i,
      include: values[`instructions.${i}.include`] === "on",
      text: values[`instructions.${i}.text`] ?? "",
      deadline: values[`instructions.${i}.deadline`] ?? "",
      leads: choicesOf(values, `instructions.${i}.lead.`),
      coExecutors: choicesOf(values, `instructions.${i}.co.`),
    })),
  };
}

export interface QuoteInContext {
  before: string;
  quote: string;
  after: string;
}

/**
 * The instruction's source sentence inside its paragraph, so the reviewer sees where it came from; the quote
 * is normalized by the parser, so it is looked for in the normalized source. Context is cut to a few words.
 */
export function quoteInContext(sourceText: string, quote: string, around = 160): QuoteInContext {
  const { paragraphs } = normalizeSource(sourceText);
  const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
  const wanted = collapse(quote);
  for (const paragraph of paragraphs.map(collapse)) {
    const at = paragraph.indexOf(wanted);
    if (at < 0) continue;
    let before = paragraph.slice(0, at);
    let after = paragraph.slice(at + wanted.length);
    if (before.length > around) before = `…${before.slice(before.length - around).replace(/^\S*\s/, "")}`;
    if (after.length > around) after = `${after.slice(0, around).replace(/\s\S*$/, "")}…`;
    return { before, quote: wanted, after };
  }
  return { before: "", quote: wanted, after: "" };
}
