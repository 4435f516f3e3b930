import { z } from "zod";
import { isCalendarDate } from "../domain/calendar";
import { calendarDate, optionalCalendarDate, optionalId, optionalNumber, optionalText, text, version } from "./fields";
import { ASSIGNMENT_ROLES } from "../domain/lifecycle";
import { MEETING_KINDS } from "../domain/organizations";
import { cleanText } from "./form";

// Shared by the editor forms and their actions. Error messages are catalogue keys.

export const meetingSchema = z.object({
  kind: z.enum(MEETING_KINDS, "validation.required"),
  title: text(500),
  heldDate: calendarDate,
  heldTime: z.preprocess(cleanText, z.string("validation.required").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.time")),
  chairPersonId: optionalId,
  place: optionalText(300),
  protocolNumber: optionalText(50),
  sourceReference: optionalText(1000),
  summary: optionalText(5000),
});
export type MeetingInput = z.infer<typeof meetingSchema>;

export const meetingUpdateSchema = meetingSchema.extend({ version });

export const agendaItemSchema = z.object({ title: text(500) });

/** Pick a person from the directory, or type a new one inline. */
export const speakerSchema = z
  .object({
    personId: optionalId,
    newPersonName: optionalText(300),
    position: optionalText(300),
    organizationId: optionalId,
    agendaItemId: optionalId,
    summary: optionalText(5000),
  })
  .refine((value) => Boolean(value.personId) !== Boolean(value.newPersonName), {
    message: "meetings.error.speakerPerson",
    path: ["personId"],
  });
export type SpeakerInput = z.infer<typeof speakerSchema>;

export const speakerUpdateSchema = z.object({
  position: optionalText(300),
  organizationId: optionalId,
  agendaItemId: optionalId,
  summary: optionalText(5000),
});

export const DEADLINE_CHOICES = ["date", "end_of_year", "one_month", "ten_days", "none"] as const;

export const instructionSchema = z
  .object({
    number: z.preprocess(cleanText, z.string("validation.required").min(1, "validation.required").max(20, "validation.tooLong")),
    text: text(10_000),
    issuedByPersonId: optionalId,
    agendaItemId: optionalId,
    deadlineChoice: z.enum(DEADLINE_CHOICES, "validation.unknown").default("date"),
    deadline: optionalCalendarDate,
    deadlineNote: optionalText(300),
    specialControl: z.preprocess((value) => value === "on" || value === "true", z.boolean()),
  })
  .refine((value) => value.deadlineChoice !== "date" || Boolean(value.deadline), {
    message: "instructions.error.deadlineRequired",
    path: ["deadline"],
  })
  .refine((value) => value.deadlineChoice !== "none" || Boolean(value.deadlineNote), {
    message: "instructions.error.deadlineNoteRequired",
    path: ["deadlineNote"],
  });
export type InstructionInput = z.infer<typeof instructionSchema>;

export const targetSchema = z.object({
  indicator: text(500),
  unit: optionalText(50),
  baselineValue: optionalNumber,
  targetValue: optionalNumber,
});
export type TargetInput = z.infer<typeof targetSchema>;

export const assignmentSchema = z.object({
  organizationId: z.string("instructions.error.organizationRequired").min(1, "instructions.error.organizationRequired"),
  role: z.enum(ASSIGNMENT_ROLES, "validation.required"),
  deadline: optionalCalendarDate,
});
export type AssignmentInput = z.infer<typeof assignmentSchema>;

export const meetingFiltersSchema = z.object({
  q: z.preprocess(cleanText, z.string().max(200).optional()).catch(undefined),
  kind: z.enum(MEETING_KINDS).optional().catch(undefined),
  chair: z.string().max(64).optional().catch(undefined),
  from: z.string().refine(isCalendarDate).optional().catch(undefined),
  to: z.string().refine(isCalendarDate).optional().catch(undefined),
  status: z.enum(["draft", "published"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type MeetingFilters = z.infer<typeof meetingFiltersSchema>;
