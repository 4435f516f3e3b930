import { sql } from "kysely";
import type { Actor } from "../domain/permissions";
import { personSearchText } from "../domain/text";
import type { MessageKey } from "../i18n";
import type { SpeakerInput } from "../schemas/meetings";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { recordAudit } from "./audit.server";
import { renumber, touchMeeting } from "./meetings.server";

type Errors = Record<string, MessageKey>;

async function checkReferences(
  db: DB,
  meetingId: string,
  input: { personId?: string; organizationId?: string; agendaItemId?: string },
): Promise<Errors> {
  const errors: Errors = {};
  if (input.personId && !(await db.selectFrom("people").select("id").where("id", "=", input.personId).executeTakeFirst())) {
    errors.personId = "validation.unknownPerson";
  }
  if (
    input.organizationId &&
    !(await db.selectFrom("organizations").select("id").where("id", "=", input.organizationId).executeTakeFirst())
  ) {
    errors.organizationId = "validation.unknownOrganization";
  }
  if (
    input.agendaItemId &&
    !(await db
      .selectFrom("agenda_items")
      .select("id")
      .where("id", "=", input.agendaItemId)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst())
  ) {
    errors.agendaItemId = "validation.unknown";
  }
  return errors;
}

/**
 * Adds a speaker at the end of the order: a person from the directory, or a new one created on the spot.
 * Position and organization are copied from the person unless given: the minutes keep them as at the meeting.
 */
export async function addSpeaker(
  db: DB,
  actor: Actor,
  meetingId: string,
  input: SpeakerInput,
): Promise<{ ok: true; speakerId: string } | { ok: false; errors: Errors }> {
  return db.transaction().execute(async (trx) => {
    const errors = await checkReferences(trx, meetingId, input);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const now = timestamp();
    let personId = input.personId;
    let person: { position: string | null; organization_id: string | null } = { position: null, organization_id: null };
    if (personId) {
      person = await trx.selectFrom("people").select(["position", "organization_id"]).where("id", "=", personId).executeTakeFirstOrThrow();
    } else {
      const newPerson = {
        id: newId(),
        full_name: input.newPersonName!,
        position: input.position ?? null,
        organization_id: input.organizationId ?? null,
        created_at: now,
        updated_at: now,
      };
      await trx
        .insertInto("people")
        .values({ ...newPerson, search_text: personSearchText(newPerson) })
        .execute();
      await recordAudit(trx, { actorUserId: actor.id, action: "person.create", entityType: "person", entityId: newPerson.id, after: newPerson });
      personId = newPerson.id;
      person = newPerson;
    }
    const last = await trx
      .selectFrom("speakers")
      .select(sql<number>`coalesce(max(sort_order), 0)`.as("max"))
      .where("meeting_id", "=", meetingId)
      .executeTakeFirstOrThrow();
    const row = {
      id: newId(),
      meeting_id: meetingId,
      person_id: personId,
      sort_order: Number(last.max) + 1,
      position: input.position ?? person.position,
      organization_id: input.organizationId ?? person.organization_id,
      agenda_item_id: input.agendaItemId ?? null,
      summary: input.summary ?? null,
    };
    await trx.insertInto("speakers").values(row).execute();
    await touchMeeting(trx, meetingId, now);
    await recordAudit(trx, { actorUserId: actor.id, action: "speaker.create", entityType: "speaker", entityId: row.id, after: row });
    return { ok: true as const, speakerId: row.id };
  });
}

export async function updateSpeaker(
  db: DB,
  actor: Actor,
  meetingId: string,
  speakerId: string,
  input: { position?: string; organizationId?: string; agendaItemId?: string; summary?: string },
): Promise<{ ok: true } | { ok: false; errors: Errors } | { ok: false; notFound: true }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("speakers").selectAll().where("id", "=", speakerId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!before) return { ok: false as const, notFound: true as const };
    const errors = await checkReferences(trx, meetingId, input);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const changes = {
      position: input.position ?? null,
      organization_id: input.organizationId ?? null,
      agenda_item_id: input.agendaItemId ?? null,
      summary: input.summary ?? null,
    };
    await trx.updateTable("speakers").set(changes).where("id", "=", speakerId).execute();
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "speaker.update", entityType: "speaker", entityId: speakerId, before, after: { ...before, ...changes } });
    return { ok: true as const };
  });
}

export async function removeSpeaker(db: DB, actor: Actor, meetingId: string, speakerId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("speakers").selectAll().where("id", "=", speakerId).where("meeting_id", "=", meetingId).executeTakeFirst();
    if (!before) return false;
    await trx.deleteFrom("speakers").where("id", "=", speakerId).execute();
    await renumber(trx, "speakers", meetingId);
    await touchMeeting(trx, meetingId);
    await recordAudit(trx, { actorUserId: actor.id, action: "speaker.delete", entityType: "speaker", entityId: speakerId, before });
    return true;
  });
}

/** People and organizations to pick from in the editor. */
export async function listPeopleForPicker(db: DB) {
  return db
    .selectFrom("people")
    .leftJoin("organizations", "organizations.id", "people.organization_id")
    .select([
      "people.id",
      "people.full_name",
      "people.position",
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ])
    .execute();
}

export async function listOrganizationsForPicker(db: DB) {
  return db
    .selectFrom("organizations")
    .select(["id", "kind", "parent_id", "name_kk", "name_ru", "name_en", "short_name_kk", "short_name_ru", "short_name_en"])
    .where("is_active", "=", 1)
    .execute();
}
