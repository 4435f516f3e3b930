import { translator } from "../i18n/catalogues";
import type { MessageKey, Translate } from "../i18n";
import type { CurrentUser } from "./auth.server";
import { resolveLanguage } from "./language.server";

/** The translate function for the user making this request. */
export function translatorFor(request: Request, user: CurrentUser | null): Translate {
  return translator(resolveLanguage(request, user));
}

/** Message keys from a model, as text in the reader's language. */
export function translateErrors(t: Translate, errors: Record<string, MessageKey>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
}

/** What the user typed, to give back to the form with its errors: strings only, never files. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
  return values;
}
