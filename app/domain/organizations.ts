export const ORGANIZATION_KINDS = [
  "ministry",
  "regional_akimat",
  "city_akimat",
  "district_akimat",
  "agency",
  "national_company",
  "operator",
  "government_office",
  "other",
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** Regional-level akimats: the 17 regions and the three cities of republican significance. */
export const REGIONAL_LEVEL_KINDS = ["regional_akimat", "city_akimat"] as const satisfies readonly OrganizationKind[];

export const MEETING_KINDS = ["selector_meeting", "government_session", "working_meeting", "other"] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ["draft", "published"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The organization's name in the reader's language. */
export function organizationName(
  organization: { name_kk: string; name_ru: string; name_en: string },
  language: "kk" | "ru" | "en",
): string {
  return { kk: organization.name_kk, ru: organization.name_ru, en: organization.name_en }[language];
}
