import { draftToReviewValues, NEW_CHOICE, NEW_ORGANIZATION_PREFIX, ALL_AKIMATS_CHOICE, type ReviewValues } from "../domain/minutes-import";
import { parseMinutes, type DirectoryEntry, type MinutesDraft } from "../domain/minutes-parser";
import { organizationKindFromName } from "../domain/organizations";
import type { Actor } from "../domain/permissions";
import { instructionSearchText, organizationSearchText, personSearchText } from "../domain/text";
import type { MessageKey } from "../i18n";
import type { ImportReview } from "../schemas/minutes-import";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { recordAudit } from "./audit.server";
import { insertAssignment, regionalAkimats } from "./instructions.server";
import { meetingValues } from "./meetings.server";

/*
 * Importing minutes from a meeting report: the text is parsed against the directory, kept with its draft in
 * minutes_imports for the secretariat to review (docs/decisions/011-import-review-state.md), and confirmed in
 * one transaction into a draft meeting with its speakers, instructions and assignments.
 */

/** The directory as the parser matches it: every organization under all its names and short names. */
export async function listDirectoryEntries(db: DB): Promise<DirectoryEntry[]> {
  const rows = await db
    .selectFrom("organizations")
    .select(["id", "name_kk", "name_ru", "name_en", "short_name_kk", "short_name_ru", "short_name_en"])
    .where("is_active", "=", 1)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    names: [row.name_kk, row.name_ru, row.name_en, row.short_name_kk, row.short_name_ru, row.short_name_en].filter((name): name is string => Boolean(name)),
  }));
}

export async function createMinutesImport(
  db: DB,
  actor: Actor,
  input: { text: string; sourceName: string | null; meetingDate?: string; today: string },
): Promise<string> {
  const [directory, people] = await Promise.all([listDirectoryEntries(db), db.selectFrom("people").select(["id", "full_name"]).execute()]);
  const draft = parseMinutes(input.text, { meetingDate: input.meetingDate, directory });
  const values = draftToReviewValues(draft, people, input.meetingDate ?? input.today);
  const now = timestamp();
  const row = {
    id: newId(),
    created_by: actor.id,
    created_at: now,
    updated_at: now,
    source_name: input.sourceName,
    source_text: input.text,
    draft_json: JSON.stringify(draft),
    form_json: JSON.stringify(values),
    meeting_id: null,
    confirmed_at: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto("minutes_imports").values(row).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: "minutes_import.create",
      entityType: "minutes_import",
      entityId: row.id,
      after: {
        source_name: row.source_name,
        characters: input.text.length,
        language: draft.language,
        speakers: draft.speakers.length,
        instructions: draft.instructions.length,
        warnings: draft.warnings.map((warning) => warning.code),
      },
    });
  });
  return row.id;
}

export interface MinutesImport {
  id: string;
  createdBy: string;
  sourceName: string | null;
  sourceText: string;
  draft: MinutesDraft;
  values: ReviewValues;
  meetingId: string | null;
}

/** An import the actor may review: any one of theirs, or a colleague's (the secretariat shares its work). */
export async function getMinutesImport(db: DB, id: string): Promise<MinutesImport | null> {
  const row = await db.selectFrom("minutes_imports").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    createdBy: row.created_by,
    sourceName: row.source_name,
    sourceText: row.source_text,
    draft: JSON.parse(row.draft_json) as MinutesDraft,
    values: JSON.parse(row.form_json) as ReviewValues,
    meetingId: row.meeting_id,
  };
}

/** Keeps the review form as last submitted, so a refused confirm survives a reload of the review page. */
export async function saveReviewValues(db: DB, actor: Actor, id: string, values: ReviewValues): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("minutes_imports").select(["form_json", "meeting_id"]).where("id", "=", id).executeTakeFirst();
    if (!before || before.meeting_id || before.form_json === JSON.stringify(values)) return;
    await trx.updateTable("minutes_imports").set({ form_json: JSON.stringify(values), updated_at: timestamp() }).where("id", "=", id).execute();
    await recordAudit(trx, { actorUserId: actor.id, action: "minutes_import.update", entityType: "minutes_import", entityId: id, after: values });
  });
}

export type ConfirmResult =
  | { ok: true; meetingId: string; alreadyConfirmed: boolean }
  | { ok: false; errors: Record<string, MessageKey> }
  | { ok: false; notFound: true };

const newOrganizationName = (choice: string) => choice.slice(NEW_ORGANIZATION_PREFIX.length).normalize("NFC").trim();

/**
 * The reviewed import becomes a draft meeting, in one transaction: new organizations and people where the
 * review chose "new", the meeting, its speakers, the numbered instructions and their assignments ("all
 * regional akimats" expanded to one lead assignment each), every row audited. Confirming an import twice
 * (a double submit, a second tab) returns the meeting of the first confirm and writes nothing.
 */
export async function confirmMinutesImport(db: DB, actor: Actor, importId: string, review: ImportReview): Promise<ConfirmResult> {
  return db.transaction().execute(async (trx): Promise<ConfirmResult> => {
    const imported = await trx.selectFrom("minutes_imports").select(["id", "draft_json", "meeting_id"]).where("id", "=", importId).executeTakeFirst();
    if (!imported) return { ok: false, notFound: true };
    if (imported.meeting_id) return { ok: true, meetingId: imported.meeting_id, alreadyConfirmed: true };
    const draft = JSON.parse(imported.draft_json) as MinutesDraft;

    const speakers = review.speakers.filter((speaker) => speaker.include);
    const instructions = review.instructions.filter((instruction) => instruction.include);

    // References chosen in the form must exist: a directory entry may have been removed since the parse.
    const errors: Record<string, MessageKey> = {};
    const isExisting = (choice: string) => choice !== "" && choice !== NEW_CHOICE && choice !== ALL_AKIMATS_CHOICE && !choice.startsWith(NEW_ORGANIZATION_PREFIX);
    const organizationIds = new Set<string>();
    for (const speaker of speakers) if (isExisting(speaker.organization)) organizationIds.add(speaker.organization);
    for (const instruction of instructions) for (const choice of [...instruction.leads, ...instruction.coExecutors]) if (isExisting(choice)) organizationIds.add(choice);
    const personIds = new Set<string>([review.chair, ...speakers.map((speaker) => speaker.person)].filter(isExisting));
    const knownOrganizations = organizationIds.size
      ? new Set((await trx.selectFrom("organizations").select("id").where("id", "in", [...organizationIds]).where("is_active", "=", 1).execute()).map((r) => r.id))
      : new Set<string>();
    const knownPeople = personIds.size ? new Set((await trx.selectFrom("people").select("id").where("id", "in", [...personIds]).execute()).map((r) => r.id)) : new Set<string>();
    if (isExisting(review.chair) && !knownPeople.has(review.chair)) errors.chair = "validation.unknownPerson";
    for (const speaker of speakers) {
      if (isExisting(speaker.person) && !knownPeople.has(speaker.person)) errors[`speakers.${speaker.index}.person`] = "validation.unknownPerson";
      if (isExisting(speaker.organization) && !knownOrganizations.has(speaker.organization)) errors[`speakers.${speaker.index}.organization`] = "validation.unknownOrganization";
    }
    for (const instruction of instructions) {
      if ([...instruction.leads, ...instruction.coExecutors].some((choice) => isExisting(choice) && !knownOrganizations.has(choice))) {
        errors[`instructions.${instruction.index}.assignees`] = "validation.unknownOrganization";
      }
    }
    if (Object.keys(errors).length) return { ok: false, errors };

    const now = timestamp();

    // New organizations, once per name however often the review names them.
    const createdOrganizations = new Map<string, string>();
    const organizationOf = async (choice: string): Promise<string | null> => {
      if (!choice) return null;
      if (!choice.startsWith(NEW_ORGANIZATION_PREFIX)) return choice;
      const name = newOrganizationName(choice);
      const existing = createdOrganizations.get(name);
      if (existing) return existing;
      // What the name says of its kind; a company's, or a name that says nothing, is "other" until the secretariat files it.
      const values = {
        id: newId(),
        code: null,
        kind: organizationKindFromName(name),
        name_kk: name,
        name_ru: name,
        name_en: name,
        short_name_kk: null,
        short_name_ru: null,
        short_name_en: null,
        parent_id: null,
        is_active: 1,
        created_at: now,
        updated_at: now,
      };
      await trx
        .insertInto("organizations")
        .values({ ...values, search_text: organizationSearchText(values) })
        .execute();
      await recordAudit(trx, { actorUserId: actor.id, action: "organization.create", entityType: "organization", entityId: values.id, after: values });
      createdOrganizations.set(name, values.id);
      return values.id;
    };
    const createPerson = async (fullName: string, position: string | null, organizationId: string | null) => {
      const person = { id: newId(), full_name: fullName, position, organization_id: organizationId, created_at: now, updated_at: now };
      await trx
        .insertInto("people")
        .values({ ...person, search_text: personSearchText(person) })
        .execute();
      await recordAudit(trx, { actorUserId: actor.id, action: "person.create", entityType: "person", entityId: person.id, after: person });
      return person.id;
    };

    const chairPersonId =
      review.chair === NEW_CHOICE ? await createPerson(review.chairName!, draft.meeting.chairPosition, null) : review.chair === "" ? null : review.chair;

    const meeting = {
      id: newId(),
      ...meetingValues({ kind: review.kind, title: review.title, heldDate: review.heldDate, heldTime: review.heldTime, chairPersonId: chairPersonId ?? undefined }),
      status: "draft",
      version: 1,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto("meetings").values(meeting).execute();
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: "meeting.create",
      entityType: "meeting",
      entityId: meeting.id,
      after: { ...meeting, imported_from: importId },
    });

    for (const [order, speaker] of speakers.entries()) {
      const organizationId = await organizationOf(speaker.organization);
      const position = speaker.position ?? null;
      const personId = speaker.person === NEW_CHOICE ? await createPerson(speaker.name!, position, organizationId) : speaker.person;
      const row = {
        id: newId(),
        meeting_id: meeting.id,
        person_id: personId,
        sort_order: order + 1,
        position,
        organization_id: organizationId,
        agenda_item_id: null,
        summary: null,
      };
      await trx.insertInto("speakers").values(row).execute();
      await recordAudit(trx, { actorUserId: actor.id, action: "speaker.create", entityType: "speaker", entityId: row.id, after: row });
    }

    const akimatIds = instructions.some((instruction) => instruction.leads.includes(ALL_AKIMATS_CHOICE))
      ? (await regionalAkimats(trx).execute()).map((row) => row.id)
      : [];
    for (const [order, instruction] of instructions.entries()) {
      const deadline = instruction.deadline ?? null;
      // "Promptly", "regularly": no date yet, so the phrase stays as the reason until the secretariat sets one.
      const phrase = draft.instructions[instruction.index]?.deadline?.text ?? null;
      const row = {
        id: newId(),
        meeting_id: meeting.id,
        agenda_item_id: null,
        number: String(order + 1),
        text: instruction.text,
        issued_by_person_id: chairPersonId,
        deadline,
        deadline_note: deadline ? null : phrase,
        special_control: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto("instructions").values({ ...row, search_text: instructionSearchText(row) }).execute();
      await recordAudit(trx, { actorUserId: actor.id, action: "instruction.create", entityType: "instruction", entityId: row.id, after: row });

      const assigned = new Set<string>();
      const assign = async (organizationId: string | null, role: "lead" | "co_executor") => {
        if (!organizationId || assigned.has(organizationId)) return;
        assigned.add(organizationId);
        await insertAssignment(trx, actor, { id: meeting.id, status: "draft" }, { id: row.id, deadline }, organizationId, role, deadline);
      };
      for (const choice of instruction.leads) {
        if (choice === ALL_AKIMATS_CHOICE) for (const akimatId of akimatIds) await assign(akimatId, "lead");
        else await assign(await organizationOf(choice), "lead");
      }
      for (const choice of instruction.coExecutors) await assign(await organizationOf(choice), "co_executor");
    }

    // The import is the idempotency key: stamping it in the same transaction makes a second confirm a no-op.
    const claimed = await trx
      .updateTable("minutes_imports")
      .set({ meeting_id: meeting.id, confirmed_at: now, updated_at: now })
      .where("id", "=", importId)
      .where("meeting_id", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new Error("minutes import confirmed twice at once");
    await recordAudit(trx, {
      actorUserId: actor.id,
      action: "minutes_import.confirm",
      entityType: "minutes_import",
      entityId: importId,
      after: { meeting_id: meeting.id, speakers: speakers.length, instructions: instructions.length, new_organizations: createdOrganizations.size },
    });
    return { ok: true, meetingId: meeting.id, alreadyConfirmed: false };
  });
}
