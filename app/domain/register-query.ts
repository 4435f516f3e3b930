import type { RegisterFilters } from "../schemas/register";

// Apart from the schema so pages that build register links do not ship zod to the browser.

/** The filters as URL parameters, without empty ones (for links and exports). */
export function registerQuery(filters: Partial<RegisterFilters>, overrides: Partial<Record<keyof RegisterFilters, string | number | undefined>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...overrides })) {
    if (value === undefined || value === "" || value === null) continue;
    if (key === "page" && Number(value) === 1) continue;
    if (key === "sort" && value === "deadline" && !("dir" in overrides) && filters.dir === "asc") continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
