import { z } from "zod";
import { NAME_MAX, POSITION_MAX, SHORT_NAME_MAX, isRegionalLevel } from "../domain/directory";
import { ORGANIZATION_KINDS } from "../domain/organizations";
import type { MessageKey, Translate } from "../i18n";
import { cleanText } from "./form";

// Organizations and people (officials). Messages are catalogue keys, translated by parseForm.
// Rules that need the database (the parent or organization exists) are checked by the models.

/** Ids are UUIDs; anything longer is not one of ours. */
const ID_MAX = 64;

const required = "directory.error.required" satisfies MessageKey;

function requiredText(max: number, tooLong: MessageKey) {
  return z.preprocess(cleanText, z.string(required).min(1, required).max(max, tooLong));
}

/** Blank means "not given": stored as null, not as an empty string. */
function blankToNull(value: unknown): unknown {
  const cleaned = cleanText(value);
  return cleaned === "" || cleaned === undefined ? null : cleaned;
}

function optionalText(max: number, tooLong: MessageKey) {
  return z.preprocess(blankToNull, z.string().max(max, tooLong).nullable());
}

function optionalId(unknown: MessageKey) {
  return z.preprocess(blankToNull, z.string(unknown).max(ID_MAX, unknown).nullable());
}

/** An HTML checkbox: present ("on") when ticked, absent when not. */
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === "1", z.boolean());

const organizationFields = z.object({
  kind: z.enum(ORGANIZATION_KINDS, "directory.error.kind"),
  name_kk: requiredText(NAME_MAX, "directory.error.max300"),
  name_ru: requiredText(NAME_MAX, "directory.error.max300"),
  name_en: requiredText(NAME_MAX, "directory.error.max300"),
  short_name_kk: optionalText(SHORT_NAME_MAX, "directory.error.max50"),
  short_name_ru: optionalText(SHORT_NAME_MAX, "directory.error.max50"),
  short_name_en: optionalText(SHORT_NAME_MAX, "directory.error.max50"),
  parent_id: optionalId("directory.error.parentUnknown"),
});

/** A district akimat sits under a regional-level akimat; a regional-level akimat sits under nothing. */
function checkParent(value: { kind: string; parent_id: string | null }, ctx: z.RefinementCtx) {
  if (value.kind === "district_akimat" && !value.parent_id) {
    ctx.addIssue({ code: "custom", path: ["parent_id"], message: "directory.error.parentRequired" satisfies MessageKey });
  }
  if (isRegionalLevel(value.kind) && value.parent_id) {
    ctx.addIssue({ code: "custom", path: ["parent_id"], message: "directory.error.parentForbidden" satisfies MessageKey });
  }
}

export const organizationCreateSchema = organizationFields.superRefine(checkParent);
export const organizationUpdateSchema = organizationFields.extend({ is_active: checkbox }).superRefine(checkParent);

export type OrganizationInput = z.infer<typeof organizationCreateSchema> & { is_active?: boolean };

export const personSchema = z.object({
  full_name: requiredText(NAME_MAX, "directory.error.max300"),
  position: optionalText(POSITION_MAX, "directory.error.max300"),
  organization_id: optionalId("directory.error.organizationUnknown"),
});

export type PersonInput = z.infer<typeof personSchema>;

/** What the user typed, to put back into the form when it is refused (text fields only, files never). */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}

/** Field errors a model returned as message keys, in the reader's language. */
export function translateErrors(errors: Record<string, MessageKey>, t: Translate): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
}
