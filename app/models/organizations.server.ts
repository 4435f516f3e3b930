import { sql } from "kysely";
import { isOrganizationKind, isRegionalLevel } from "../domain/directory";
import { REGIONAL_LEVEL_KINDS, organizationName } from "../domain/organizations";
import { foldForSearch, likePattern, organizationSearchText, sortByText } from "../domain/text";
import type { Language, MessageKey } from "../i18n";
import type { Organization } from "../utils/db-schema";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import type { OrganizationInput } from "../schemas/directory";
import { recordAudit } from "./audit.server";

/** The outcome of a directory write: saved, refused with field errors (message keys), or no such row. */
export type DirectoryWrite<T> =
  | { status: "saved"; row: T }
  | { status: "invalid"; errors: Record<string, MessageKey> }
  | { status: "not_found" };

/**
 * The key an organization sorts by: its name in the reader's language, without opening quotes, so
 * «Қазақтелеком» АҚ files under Қ and not before А.
 */
export function organizationSortKey(organization: { name_kk: string; name_ru: string; name_en: string }, language: Language) {
  return organizationName(organization, language).replace(/^[\s«»"'„“”‘’()[\]]+/u, "");
}

/** The row as the audit log keeps it: the derived search text is left out. */
function auditable({ search_text: _searchText, ...row }: Organization) {
  return row;
}

export interface OrganizationFilter {
  q?: string | null;
  kind?: string | null;
}

/** Organizations matching a search over every name and short name, and a kind; alphabetical in the reader's language. */
export async function listOrganizations(db: DB, language: Language, filter: OrganizationFilter = {}) {
  let query = db
    .selectFrom("organizations")
    .leftJoin("organizations as parent", "parent.id", "organizations.parent_id")
    .select([
      "organizations.id",
      "organizations.kind",
      "organizations.name_kk",
      "organizations.name_ru",
      "organizations.name_en",
      "organizations.short_name_kk",
      "organizations.short_name_ru",
      "organizations.short_name_en",
      "organizations.is_active",
      "parent.id as parent_id",
      "parent.name_kk as parent_name_kk",
      "parent.name_ru as parent_name_ru",
      "parent.name_en as parent_name_en",
    ]);
  // Both sides are folded by the app (search_text on write, the query here): SQLite's lower() knows ASCII only.
  if (filter.q && foldForSearch(filter.q)) {
    query = query.where(sql<boolean>`organizations.search_text like ${likePattern(filter.q)} escape '\\'`);
  }
  if (isOrganizationKind(filter.kind)) query = query.where("organizations.kind", "=", filter.kind);
  const rows = await query.execute();
  return sortByText(rows, (row) => organizationSortKey(row, language));
}

export type OrganizationListRow = Awaited<ReturnType<typeof listOrganizations>>[number];

export async function getOrganization(db: DB, id: string): Promise<Organization | null> {
  return (await db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export interface OrganizationOption {
  id: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  kind: string;
  is_active: number;
}

/** Organizations to choose from in a form, alphabetical in the reader's language. */
export async function listOrganizationOptions(db: DB, language: Language, kinds?: readonly string[]): Promise<OrganizationOption[]> {
  let query = db.selectFrom("organizations").select(["id", "name_kk", "name_ru", "name_en", "kind", "is_active"]);
  if (kinds) query = query.where("kind", "in", kinds);
  return sortByText(await query.execute(), (row) => organizationSortKey(row, language));
}

/** The regional and city akimats a district akimat may sit under. */
export function listParentOptions(db: DB, language: Language) {
  return listOrganizationOptions(db, language, REGIONAL_LEVEL_KINDS);
}

/** Rules that need the database: the parent exists, is a regional-level akimat, is not the organization itself. */
async function structureErrors(db: DB, input: OrganizationInput, selfId: string | null): Promise<Record<string, MessageKey> | null> {
  if (input.parent_id) {
    const parent = await db.selectFrom("organizations").select(["id", "kind"]).where("id", "=", input.parent_id).executeTakeFirst();
    if (!parent) return { parent_id: "directory.error.parentUnknown" };
    if (parent.id === selfId) return { parent_id: "directory.error.parentSelf" };
    if (!isRegionalLevel(parent.kind)) return { parent_id: "directory.error.parentNotRegional" };
  }
  if (selfId && !isRegionalLevel(input.kind)) {
    // Its district akimats would be left under something that is no longer an akimat of a region.
    const child = await db.selectFrom("organizations").select("id").where("parent_id", "=", selfId).limit(1).executeTakeFirst();
    if (child) return { kind: "directory.error.kindHasChildren" };
  }
  return null;
}

function columns(input: OrganizationInput) {
  return {
    kind: input.kind,
    name_kk: input.name_kk,
    name_ru: input.name_ru,
    name_en: input.name_en,
    short_name_kk: input.short_name_kk,
    short_name_ru: input.short_name_ru,
    short_name_en: input.short_name_en,
    parent_id: input.parent_id,
  };
}

export async function createOrganization(db: DB, actorUserId: string, input: OrganizationInput): Promise<DirectoryWrite<Organization>> {
  return db.transaction().execute(async (trx) => {
    const errors = await structureErrors(trx, input, null);
    if (errors) return { status: "invalid", errors };
    const now = timestamp();
    const values = { id: newId(), code: null, ...columns(input), is_active: 1, created_at: now, updated_at: now };
    const row = await trx
      .insertInto("organizations")
      .values({ ...values, search_text: organizationSearchText(values) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId,
      action: "organization.create",
      entityType: "organization",
      entityId: row.id,
      after: auditable(row),
    });
    return { status: "saved", row };
  });
}

export async function updateOrganization(
  db: DB,
  actorUserId: string,
  id: string,
  input: OrganizationInput & { is_active: boolean },
): Promise<DirectoryWrite<Organization>> {
  return db.transaction().execute(async (trx) => {
    const before = await getOrganization(trx, id);
    if (!before) return { status: "not_found" };
    const errors = await structureErrors(trx, input, id);
    if (errors) return { status: "invalid", errors };
    const changes = { ...columns(input), is_active: input.is_active ? 1 : 0 };
    // Saving an unchanged form changes nothing, so it leaves no trace in the audit log either.
    if (Object.entries(changes).every(([key, value]) => before[key as keyof Organization] === value)) {
      return { status: "saved", row: before };
    }
    const row = await trx
      .updateTable("organizations")
      .set({ ...changes, search_text: organizationSearchText({ ...changes, code: before.code }), updated_at: timestamp() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId,
      action: "organization.update",
      entityType: "organization",
      entityId: id,
      before: auditable(before),
      after: auditable(row),
    });
    return { status: "saved", row };
  });
}
