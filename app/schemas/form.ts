import type { z } from "zod";
import type { MessageKey, Translate } from "../i18n";

export type FieldErrors = Record<string, string>;

/**
 * Parses a form with a shared schema. Schemas carry message keys as their error messages, so the
 * same schema serves every language: the keys are translated here for the reader.
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
  t: Translate,
): { ok: true; data: z.infer<Schema> } | { ok: false; errors: FieldErrors } {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData) values[key] = value;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= t(issue.message as MessageKey);
  }
  return { ok: false, errors };
}

/**
 * Text as stored: NFC-normalized and trimmed, so Kazakh letters compare and round-trip exactly. NUL characters
 * are dropped: invisible, meaningless in a record, and PostgreSQL cannot store them in text.
 */
export function cleanText(value: unknown): unknown {
  return typeof value === "string" ? withoutNul(value).normalize("NFC").trim() : value;
}

export function withoutNul(value: string): string {
  return value.includes("\0") ? value.replaceAll("\0", "") : value;
}
