import { z } from "zod";
import { calendarDate, optionalText, text, version } from "./fields";

// One schema per lifecycle action; the route parses the submitted `action` as a discriminated union.
const common = {
  version,
  idempotencyKey: z.string("validation.unknown").min(8, "validation.unknown").max(64, "validation.unknown"),
};
const percent = z.preprocess(
  (value) => (value === "" || value === undefined ? undefined : Number(value)),
  z.number("validation.number").int("execution.error.percent").min(0, "execution.error.percent").max(100, "execution.error.percent").optional(),
);

export const assignmentActionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("post_progress"), ...common, body: text(10_000), percent }),
  z.object({ action: z.literal("submit_completion"), ...common, body: text(10_000), percent }),
  z.object({ action: z.literal("request_extension"), ...common, requestedDeadline: calendarDate, body: text(5_000) }),
  z.object({ action: z.literal("accept"), ...common, body: optionalText(5_000) }),
  z.object({ action: z.literal("return"), ...common, body: text(5_000) }),
  z.object({ action: z.literal("cancel"), ...common, body: text(5_000) }),
  z.object({ action: z.literal("approve_extension"), ...common, body: optionalText(5_000) }),
  z.object({ action: z.literal("reject_extension"), ...common, body: text(5_000) }),
], "validation.unknown");
export type AssignmentActionInput = z.infer<typeof assignmentActionSchema>;

/** Reported actual values come as fields "target:<id>"; empty ones are not reported. */
export function readTargetValues(formData: FormData): { values: { targetId: string; value: number }[]; invalid: boolean } {
  const values: { targetId: string; value: number }[] = [];
  let invalid = false;
  for (const [key, raw] of formData) {
    if (!key.startsWith("target:") || typeof raw !== "string") continue;
    const cleaned = raw.replace(/\s/g, "").replace(",", ".");
    if (cleaned === "") continue;
    const value = Number(cleaned);
    if (!Number.isFinite(value)) invalid = true;
    else values.push({ targetId: key.slice("target:".length), value });
  }
  return { values, invalid };
}
