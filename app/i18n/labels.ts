import { organizationName } from "../domain/organizations";
import type { Language } from "./index";
import { sortByText } from "../domain/text";

type Named = { name_kk: string; name_ru: string; name_en: string };

/** "Full name — position, organization", for pickers. */
export function personLabel(
  person: { full_name: string; position: string | null; organization_name_kk?: string | null; organization_name_ru?: string | null; organization_name_en?: string | null },
  language: Language,
): string {
  const organization = person.organization_name_kk
    ? organizationName({ name_kk: person.organization_name_kk, name_ru: person.organization_name_ru ?? "", name_en: person.organization_name_en ?? "" }, language)
    : null;
  const detail = [person.position, organization].filter(Boolean).join(", ");
  return detail ? `${person.full_name} — ${detail}` : person.full_name;
}

/** Organizations as picker options, alphabetical in the reader's language. */
export function organizationOptions<T extends Named & { id: string }>(organizations: T[], language: Language) {
  return sortByText(
    organizations.map((organization) => ({ value: organization.id, label: organizationName(organization, language) })),
    (option) => option.label,
  );
}

export function organizationNameOf(
  row: { organization_name_kk: string | null; organization_name_ru: string | null; organization_name_en: string | null },
  language: Language,
): string {
  if (!row.organization_name_kk) return "";
  return organizationName({ name_kk: row.organization_name_kk, name_ru: row.organization_name_ru ?? "", name_en: row.organization_name_en ?? "" }, language);
}
