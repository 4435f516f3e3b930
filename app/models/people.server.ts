import { sql } from "kysely";
import { foldForSearch, likePattern, personSearchText, sortByText } from "../domain/text";
import type { Person } from "../utils/db-schema";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import type { PersonInput } from "../schemas/directory";
import { recordAudit } from "./audit.server";
import type { DirectoryWrite } from "./organizations.server";

function auditable({ search_text: _searchText, ...row }: Person) {
  return row;
}

/** Officials matching a search over full name and position, alphabetical (Kazakh collation). */
export async function listPeople(db: DB, filter: { q?: string | null } = {}) {
  let query = db
    .selectFrom("people")
    .leftJoin("organizations", "organizations.id", "people.organization_id")
    .select([
      "people.id",
      "people.full_name",
      "people.position",
      "organizations.id as organization_id",
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ]);
  if (filter.q && foldForSearch(filter.q)) {
    query = query.where(sql<boolean>`people.search_text like ${likePattern(filter.q)} escape '\\'`);
  }
  return sortByText(await query.execute(), (row) => row.full_name);
}

export type PersonListRow = Awaited<ReturnType<typeof listPeople>>[number];

export async function getPerson(db: DB, id: string): Promise<Person | null> {
  return (await db.selectFrom("people").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

async function organizationErrors(db: DB, input: PersonInput) {
  if (!input.organization_id) return null;
  const organization = await db.selectFrom("organizations").select("id").where("id", "=", input.organization_id).executeTakeFirst();
  return organization ? null : ({ organization_id: "directory.error.organizationUnknown" } as const);
}

function columns(input: PersonInput) {
  return { full_name: input.full_name, position: input.position, organization_id: input.organization_id };
}

export async function createPerson(db: DB, actorUserId: string, input: PersonInput): Promise<DirectoryWrite<Person>> {
  return db.transaction().execute(async (trx) => {
    const errors = await organizationErrors(trx, input);
    if (errors) return { status: "invalid", errors };
    const now = timestamp();
    const values = { id: newId(), ...columns(input), created_at: now, updated_at: now };
    const row = await trx
      .insertInto("people")
      .values({ ...values, search_text: personSearchText(values) })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorUserId, action: "person.create", entityType: "person", entityId: row.id, after: auditable(row) });
    return { status: "saved", row };
  });
}

export async function updatePerson(db: DB, actorUserId: string, id: string, input: PersonInput): Promise<DirectoryWrite<Person>> {
  return db.transaction().execute(async (trx) => {
    const before = await getPerson(trx, id);
    if (!before) return { status: "not_found" };
    const errors = await organizationErrors(trx, input);
    if (errors) return { status: "invalid", errors };
    const changes = columns(input);
    if (Object.entries(changes).every(([key, value]) => before[key as keyof Person] === value)) {
      return { status: "saved", row: before };
    }
    const row = await trx
      .updateTable("people")
      .set({ ...changes, search_text: personSearchText(changes), updated_at: timestamp() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorUserId,
      action: "person.update",
      entityType: "person",
      entityId: id,
      before: auditable(before),
      after: auditable(row),
    });
    return { status: "saved", row };
  });
}
