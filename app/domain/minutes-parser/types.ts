import type { MeetingKind } from "../organizations";

export type MinutesLanguage = "kk" | "ru" | "en";

/** An organization of the directory, under every name it may be written with (kk/ru/en, short names). */
export interface DirectoryEntry {
  id: string;
  names: string[];
}

export interface ParseOptions {
  /** The meeting date (YYYY-MM-DD) when the text gives none; relative deadlines count from it. */
  meetingDate?: string;
  /** Organizations to match assignees and speakers against, whatever their case ending. */
  directory?: DirectoryEntry[];
  /** Skip language detection. */
  language?: MinutesLanguage;
}

/** An organization as the text names it, in a nominative-ish form. */
export interface DraftOrganization {
  name: string;
  /** The directory match, when a directory was given and one matched. */
  organizationId?: string | null;
  /** A directory was given and nothing in it matched: the secretariat may add it. */
  proposedNew?: boolean;
  /** "To the akimats": every regional-level akimat (17 regions and 3 cities), one assignment each. */
  allRegionalAkimats?: boolean;
}

export interface DraftSpeaker {
  name: string;
  position: string | null;
  organization: string | null;
  organizationId?: string | null;
  proposedNew?: boolean;
}

export type DeadlineKind = "date" | "relative" | "promptly" | "periodic";

export interface DraftDeadline {
  /** The phrase as written ("15 сәуірге дейін", "в месячный срок", "by the end of the year"). */
  text: string;
  /** The calendar date it resolves to, or null (promptly, periodic, or no meeting date to count from). */
  date: string | null;
  kind: DeadlineKind;
}

export interface DraftInstruction {
  /** What is to be done, without the issuing clause ("Обеспечить …", "… қабылдау"). */
  text: string;
  assignees: DraftOrganization[];
  coExecutors: DraftOrganization[];
  deadline: DraftDeadline | null;
  /** The source sentence, whitespace and split initials normalized. */
  quote: string;
  /** Some lead assignee is "the akimats": the UI expands it to one assignment per regional akimat. */
  allRegionalAkimats: boolean;
  /** 0..1: how sure the rules are that this is an instruction with these assignees. */
  confidence: number;
}

export interface DraftWarning {
  code:
    | "no_meeting_date"
    | "meeting_date_from_publication"
    | "meeting_date_conflict"
    | "no_chair"
    | "no_instructions"
    | "no_assignee"
    | "deadline_unresolved"
    | "deadline_needs_date"
    | "organization_not_in_directory";
  message: string;
  /** 1-based number of the instruction the warning is about. */
  instruction?: number;
}

export interface DraftMeeting {
  kind: MeetingKind;
  chair: string | null;
  chairPosition: string | null;
  date: string | null;
  /** Where the date came from: a date stated with the meeting, the --meeting-date option, or a stray dateline. */
  dateSource: "text" | "option" | "publication" | null;
  title: string | null;
}

export interface MinutesDraft {
  language: MinutesLanguage;
  meeting: DraftMeeting;
  speakers: DraftSpeaker[];
  instructions: DraftInstruction[];
  warnings: DraftWarning[];
}
