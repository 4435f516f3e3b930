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

/*
 * What a name says of its organization's kind, in Kazakh, Russian or English and in any case ending ("министрлігіне",
 * "Министерству"): for organizations a minutes import adds to the directory. A company's name does not say whether it is
 * a national company or an operator unless it says "national": those, and anything unrecognized, are "other" until the
 * secretariat files them.
 */
const AKIMAT = /әкімдіг|акимат|\bakimat\b/;
const KIND_MARKERS: { kind: OrganizationKind; test: (name: string) => boolean }[] = [
  { kind: "government_office", test: (n) => /үкімет\S* аппарат|премьер-министр\S* кеңсе|аппарат\S* правительств|канцеляри\S* премьер|office of the (prime minister|government)/.test(n) },
  { kind: "ministry", test: (n) => /министрлі|министерств|\bministry\b/.test(n) },
  { kind: "agency", test: (n) => /агенттіг|агентств|\bagency\b/.test(n) },
  { kind: "district_akimat", test: (n) => AKIMAT.test(n) && /аудан|район|\bdistrict\b/.test(n) },
  { kind: "regional_akimat", test: (n) => AKIMAT.test(n) && /облыс|област|\bregion\b/.test(n) },
  { kind: "city_akimat", test: (n) => AKIMAT.test(n) && /астана|алматы|шымкент|astana|almaty|shymkent/.test(n) },
  { kind: "national_company", test: (n) => /ұлттық компания|национальн\S* компани|national company|самұрық|самрук|samruk/.test(n) },
];
export function organizationKindFromName(name: string): OrganizationKind {
  const lower = name.toLowerCase().replace(/\s+/g, " ");
  return KIND_MARKERS.find((marker) => marker.test(lower))?.kind ?? "other";
}
