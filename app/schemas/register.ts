import { z } from "zod";
import { isCalendarDate } from "../domain/calendar";
import { ASSIGNMENT_STATUSES } from "../domain/lifecycle";
import { ORGANIZATION_KINDS } from "../domain/organizations";
import { cleanText } from "./form";

// The register's filters live in the URL, so a view can be bookmarked or shared; anything malformed is ignored.
export const REGISTER_SORTS = ["deadline", "code", "organization", "status", "held"] as const;

export const registerFiltersSchema = z.object({
  q: z.preprocess(cleanText, z.string().max(200).optional()).catch(undefined),
  status: z.enum(ASSIGNMENT_STATUSES).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  open: z.literal("1").optional().catch(undefined),
  late: z.literal("1").optional().catch(undefined),
  special: z.literal("1").optional().catch(undefined),
  organization: z.string().max(64).optional().catch(undefined),
  kind: z.enum(ORGANIZATION_KINDS).optional().catch(undefined),
  meeting: z.string().max(64).optional().catch(undefined),
  chair: z.string().max(64).optional().catch(undefined),
  from: z.string().refine(isCalendarDate).optional().catch(undefined),
  to: z.string().refine(isCalendarDate).optional().catch(undefined),
  sort: z.enum(REGISTER_SORTS).catch("deadline"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type RegisterFilters = z.infer<typeof registerFiltersSchema>;
