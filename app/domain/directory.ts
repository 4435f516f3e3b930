import { ORGANIZATION_KINDS, REGIONAL_LEVEL_KINDS, type OrganizationKind } from "./organizations";

// Limits and rules of the directory (organizations and officials), shared by schemas, models and forms.
// Kept apart from the zod schemas so pages can use them without shipping zod to the browser.

export const NAME_MAX = 300;
export const SHORT_NAME_MAX = 50;
export const POSITION_MAX = 300;

export function isOrganizationKind(value: unknown): value is OrganizationKind {
  return typeof value === "string" && (ORGANIZATION_KINDS as readonly string[]).includes(value);
}

/** Regional and city akimats: the level a district akimat sits under, and which sits under nothing. */
export function isRegionalLevel(kind: string): boolean {
  return (REGIONAL_LEVEL_KINDS as readonly string[]).includes(kind);
}
