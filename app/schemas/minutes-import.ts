import { z } from "zod";
import { ALL_AKIMATS_CHOICE, NEW_CHOICE, NEW_ORGANIZATION_PREFIX } from "../domain/minutes-import";
import { MEETING_KINDS } from "../domain/organizations";
import { calendarDate, optionalCalendarDate, optionalText, text } from "./fields";
import { cleanText } from "./form";

// The import screen's two forms. Error messages are catalogue keys.

/** A meeting report is at most this long (the reference news item is about 4 KB). */
export const MAX_IMPORT_TEXT = 200_000;

export const importSourceSchema = z.object({
  text: z.preprocess(cleanText, z.string().max(MAX_IMPORT_TEXT, "validation.tooLong").default("")),
  meetingDate: optionalCalendarDate,
});

/** An organization choice: an id, "new:<name>" (at most 500 letters), or every regional akimat. */
const organizationChoice = z
  .string()
  .max(600, "validation.unknown")
  .refine((value) => !value.startsWith(NEW_ORGANIZATION_PREFIX) || value.slice(NEW_ORGANIZATION_PREFIX.length).trim().length > 0, "validation.unknown");

const included = <T extends z.ZodRawShape>(shape: T) => z.object({ index: z.number(), include: z.boolean(), ...shape });

export const importReviewSchema = z
  .object({
    kind: z.enum(MEETING_KINDS, "validation.required"),
    title: text(500),
    heldDate: calendarDate,
    heldTime: z.preprocess(cleanText, z.string("validation.required").regex(/^([01]\d|2[0-3]):[0-5]\d$/, "validation.time")),
    chair: z.string().max(64, "validation.unknown"),
    chairName: optionalText(300),
    speakers: z.array(
      included({
        person: z.string().max(64, "validation.unknown"),
        name: optionalText(300),
        position: optionalText(300),
        organization: organizationChoice.refine((value) => value !== ALL_AKIMATS_CHOICE, "validation.unknown"),
      }),
    ),
    instructions: z.array(
      included({
        text: z.preprocess(cleanText, z.string().max(10_000, "validation.tooLong")),
        deadline: optionalCalendarDate,
        leads: z.array(organizationChoice),
        coExecutors: z.array(organizationChoice.refine((value) => value !== ALL_AKIMATS_CHOICE, "validation.unknown")),
      }),
    ),
  })
  .superRefine((review, context) => {
    if (review.chair === NEW_CHOICE && !review.chairName) context.addIssue({ code: "custom", path: ["chairName"], message: "import.error.chairName" });
    for (const speaker of review.speakers) {
      if (speaker.include && speaker.person === NEW_CHOICE && !speaker.name) {
        context.addIssue({ code: "custom", path: [`speakers.${speaker.index}.name`], message: "validation.required" });
      }
    }
    for (const instruction of review.instructions) {
      if (!instruction.include) continue;
      if (!instruction.text) context.addIssue({ code: "custom", path: [`instructions.${instruction.index}.text`], message: "validation.required" });
      if (instruction.deadline && review.heldDate && instruction.deadline < review.heldDate) {
        context.addIssue({ code: "custom", path: [`instructions.${instruction.index}.deadline`], message: "instructions.error.deadlineBeforeMeeting" });
      }
    }
  });
export type ImportReview = z.infer<typeof importReviewSchema>;
