import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { organizationNameOf, organizationOptions, personLabel } from "~/i18n/labels";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Field, FormAlert, SelectField, TextareaField } from "~/components/ui/field";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { EmptyState, Panel } from "~/components/ui/panel";
import { instructionCode } from "~/domain/instructions";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/use-i18n";
import {
  addAgendaItem,
  deleteAgendaItem,
  deleteDraftMeeting,
  getMinutes,
  moveInOrder,
  publicationProblems,
  publishMeeting,
  renameAgendaItem,
  updateMeeting,
} from "~/models/meetings.server";
import { addSpeaker, listOrganizationsForPicker, listPeopleForPicker, removeSpeaker } from "~/models/speakers.server";
import { parseForm } from "~/schemas/form";
import { agendaItemSchema, meetingUpdateSchema, speakerSchema } from "~/schemas/meetings";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const language = resolveLanguage(request, user);
  const db = getDb();
  const minutes = await getMinutes(db, user, params.meetingId!, resolveLanguage(request, user));
  if (!minutes) throw notFound();
  const [people, organizations, problems] = await Promise.all([
    listPeopleForPicker(db),
    listOrganizationsForPicker(db),
    minutes.meeting.status === "draft" ? publicationProblems(db, minutes.meeting.id) : Promise.resolve([] as MessageKey[]),
  ]);
  return {
    minutes,
    problems,
    people: people.map((person) => ({ id: person.id, label: personLabel(person, language) })).sort((a, b) => a.label.localeCompare(b.label, "kk")),
    organizations: organizationOptions(organizations, language),
  };
}

/** Every form this action takes; the authorization matrix test posts each one. */
export const intents = [
  "update",
  "publish",
  "delete",
  "agenda_add",
  "agenda_rename",
  "agenda_move",
  "agenda_delete",
  "speaker_add",
  "speaker_move",
  "speaker_remove",
] as const;

const intentSchema = z.object({
  intent: z.enum(intents),
  itemId: z.string().max(64).optional(),
  direction: z.enum(["up", "down"]).optional(),
  version: z.coerce.number().int().optional(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const db = getDb();
  const meetingId = params.meetingId!;
  const exists = await db.selectFrom("meetings").select("id").where("id", "=", meetingId).executeTakeFirst();
  if (!exists) throw notFound();
  const t = translatorFor(request, user);
  const formData = await request.formData();
  const values = formValues(formData);
  const control = intentSchema.safeParse(values);
  if (!control.success) return data({ intent: "unknown", errors: { form: t("validation.unknown") }, values }, { status: 400 });
  const { intent, itemId = "", direction = "up" } = control.data;
  const here = `/meetings/${meetingId}/edit`;
  const refused = (errors: Record<string, string>, status = 400) => data({ intent, errors, values }, { status });

  switch (intent) {
    case "update": {
      const parsed = parseForm(meetingUpdateSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      const result = await updateMeeting(db, user, meetingId, parsed.data.version, parsed.data);
      if (result.ok) throw redirectWithFlash(request, here, "common.flash.saved");
      if ("conflict" in result) return refused({ form: t("common.error.conflict") }, 409);
      if ("errors" in result) return refused(translateErrors(t, result.errors));
      throw notFound();
    }
    case "publish": {
      const result = await publishMeeting(db, user, meetingId, control.data.version ?? 0);
      if (result.ok) throw redirectWithFlash(request, `/meetings/${meetingId}`, "meetings.flash.published");
      if ("problems" in result) return refused({ publish: result.problems.map((key) => t(key)).join(" ") });
      if ("conflict" in result) return refused({ publish: t("common.error.conflict") }, 409);
      throw notFound();
    }
    case "delete": {
      if (values.confirm !== "yes") return refused({ form: t("meetings.delete.confirmRequired") });
      const result = await deleteDraftMeeting(db, user, meetingId);
      if (result.ok) throw redirectWithFlash(request, "/meetings", "meetings.flash.deleted");
      if ("errors" in result) return refused(translateErrors(t, result.errors));
      throw notFound();
    }
    case "agenda_add": {
      const parsed = parseForm(agendaItemSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      await addAgendaItem(db, user, meetingId, parsed.data.title);
      throw redirect(`${here}#agenda`);
    }
    case "agenda_rename": {
      const parsed = parseForm(agendaItemSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      if (!(await renameAgendaItem(db, user, meetingId, itemId, parsed.data.title))) throw notFound();
      throw redirect(`${here}#agenda`);
    }
    case "agenda_move":
      await moveInOrder(db, user, "agenda_items", meetingId, itemId, direction);
      throw redirect(`${here}#agenda`);
    case "agenda_delete":
      if (!(await deleteAgendaItem(db, user, meetingId, itemId))) throw notFound();
      throw redirect(`${here}#agenda`);
    case "speaker_add": {
      const parsed = parseForm(speakerSchema, formData, t);
      if (!parsed.ok) return refused(parsed.errors);
      const result = await addSpeaker(db, user, meetingId, parsed.data);
      if (!result.ok) return refused(translateErrors(t, result.errors));
      throw redirect(`${here}#speakers`);
    }
    case "speaker_move":
      await moveInOrder(db, user, "speakers", meetingId, itemId, direction);
      throw redirect(`${here}#speakers`);
    case "speaker_remove":
      if (!(await removeSpeaker(db, user, meetingId, itemId))) throw notFound();
      throw redirect(`${here}#speakers`);
  }
}

function OrderButtons({ intent, itemId, first, last, subject }: { intent: string; itemId: string; first: boolean; last: boolean; subject: string }) {
  const { t } = useI18n();
  const small = "rounded px-2 py-1 text-xs font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-40";
  return (
    <Form method="post" className="flex gap-1">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" name="direction" value="up" disabled={first} className={small} aria-label={`${t("common.moveUp")}: ${subject}`} title={t("common.moveUp")}>
        ↑
      </button>
      <button type="submit" name="direction" value="down" disabled={last} className={small} aria-label={`${t("common.moveDown")}: ${subject}`} title={t("common.moveDown")}>
        ↓
      </button>
    </Form>
  );
}

function RemoveButton({ intent, itemId, label, subject }: { intent: string; itemId: string; label: string; subject: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="itemId" value={itemId} />
      <button type="submit" aria-label={`${label}: ${subject}`} className="rounded px-2 py-1 text-xs font-medium text-red-700 ring-1 ring-inset ring-red-200 hover:bg-red-50">
        {label}
      </button>
    </Form>
  );
}

export default function EditMeetingPage() {
  const { minutes, problems, people, organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language, date } = useI18n();
  const { meeting, agendaItems, speakers, instructions } = minutes;
  const errorsFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? (actionData.errors as Record<string, string>) : {});
  const valuesFor = (intent: string): Record<string, string> | null => (actionData?.intent === intent ? (actionData.values as Record<string, string>) : null);
  const published = meeting.status === "published";
  const updateValues = valuesFor("update");
  const speakerValues = valuesFor("speaker_add") ?? {};
  const speakerErrors = errorsFor("speaker_add");
  const agendaOptions = agendaItems.map((item) => ({ value: item.id, label: `${item.sort_order}. ${item.title}` }));

  return (
    <>
      <PageHeader
        eyebrow={meeting.protocol_number ? t("minutes.protocolNumber", { number: meeting.protocol_number }) : t("meetingStatus.draft")}
        title={t("meetings.edit.title")}
        lead={meeting.title}
        actions={
          <>
            <Badge tone={published ? "success" : "warning"}>{t(published ? "meetingStatus.published" : "meetingStatus.draft")}</Badge>
            <Link to={`/meetings/${meeting.id}`} className={linkButton.secondary}>
              {t("meetings.edit.viewMinutes")}
            </Link>
          </>
        }
      />
      {published ? (
        <div className="mb-6">
          <FormAlert tone="info">{t("meetings.edit.publishedNotice")}</FormAlert>
        </div>
      ) : null}

      <div className="space-y-8">
        <Panel title={t("meetings.edit.details")}>
          <MeetingForm
            intent="update"
            version={meeting.version}
            values={
              updateValues ?? {
                kind: meeting.kind,
                title: meeting.title,
                heldDate: meeting.held_date,
                heldTime: meeting.held_time,
                chairPersonId: meeting.chair_person_id ?? "",
                place: meeting.place ?? "",
                protocolNumber: meeting.protocol_number ?? "",
                sourceReference: meeting.source_reference ?? "",
                summary: meeting.summary ?? "",
              }
            }
            errors={errorsFor("update")}
            formError={errorsFor("update").form}
            people={people}
            submitLabel={t("common.save")}
          />
        </Panel>

        <section id="agenda">
          <Panel title={t("meetings.agenda.title")}>
            {agendaItems.length === 0 ? <EmptyState>{t("meetings.agenda.empty")}</EmptyState> : null}
            <ol className="divide-y divide-slate-100">
              {agendaItems.map((item, index) => (
                <li key={item.id} className="flex flex-wrap items-end gap-3 px-5 py-3">
                  <span className="pb-2 font-mono text-sm text-slate-500">{item.sort_order}.</span>
                  <Form method="post" className="flex min-w-64 flex-1 items-end gap-2">
                    <input type="hidden" name="intent" value="agenda_rename" />
                    <input type="hidden" name="itemId" value={item.id} />
                    <div className="flex-1">
                      <Field label={t("meetings.agenda.itemTitle")} name="title" defaultValue={item.title} id={`agenda-${item.id}`} />
                    </div>
                    <Button type="submit" variant="secondary">
                      {t("common.save")}
                    </Button>
                  </Form>
                  <div className="flex items-center gap-2 pb-1">
                    <OrderButtons intent="agenda_move" itemId={item.id} first={index === 0} last={index === agendaItems.length - 1} subject={item.title} />
                    <RemoveButton intent="agenda_delete" itemId={item.id} label={t("common.remove")} subject={item.title} />
                  </div>
                </li>
              ))}
            </ol>
            {/* Keyed on the list, so a successful add starts the next one empty. */}
            <Form key={agendaItems.length} method="post" className="flex flex-wrap items-end gap-3 border-t border-slate-200 px-5 py-4">
              <input type="hidden" name="intent" value="agenda_add" />
              <div className="min-w-64 flex-1">
                <Field
                  label={t("meetings.agenda.newItem")}
                  name="title"
                  id="agenda-new"
                  defaultValue={valuesFor("agenda_add")?.title ?? ""}
                  error={errorsFor("agenda_add").title}
                />
              </div>
              <Button type="submit" variant="secondary">
                {t("meetings.agenda.add")}
              </Button>
            </Form>
          </Panel>
        </section>

        <section id="speakers">
          <Panel title={t("meetings.speakers.title")}>
            {speakers.length === 0 ? <EmptyState>{t("meetings.speakers.empty")}</EmptyState> : null}
            <ol className="divide-y divide-slate-100">
              {speakers.map((speaker, index) => (
                <li key={speaker.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium text-slate-900">
                      <span className="mr-2 font-mono text-sm text-slate-500">{speaker.sort_order}.</span>
                      {speaker.full_name}
                    </p>
                    <p className="text-sm text-slate-600">{[speaker.position, organizationNameOf(speaker, language)].filter(Boolean).join(", ")}</p>
                    {speaker.summary ? <p className="mt-1 line-clamp-2 text-sm text-slate-700">{speaker.summary}</p> : null}
                  </div>
                  <div className="flex items-center gap-2">
                    <OrderButtons intent="speaker_move" itemId={speaker.id} first={index === 0} last={index === speakers.length - 1} subject={speaker.full_name} />
                    <Link
                      to={`/meetings/${meeting.id}/speakers/${speaker.id}`}
                      aria-label={`${t("common.edit")}: ${speaker.full_name}`}
                      className="rounded px-2 py-1 text-xs font-medium text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
                    >
                      {t("common.edit")}
                    </Link>
                    <RemoveButton intent="speaker_remove" itemId={speaker.id} label={t("common.remove")} subject={speaker.full_name} />
                  </div>
                </li>
              ))}
            </ol>
            <Form key={speakers.length} method="post" className="space-y-4 border-t border-slate-200 bg-slate-50/60 px-5 py-5" noValidate>
              <input type="hidden" name="intent" value="speaker_add" />
              <h3 className="text-sm font-semibold text-slate-900">{t("meetings.speakers.add")}</h3>
              <div className="grid gap-4 md:grid-cols-2">
                <SelectField
                  label={t("meetings.speakers.pickPerson")}
                  name="personId"
                  id="speaker-person"
                  defaultValue={speakerValues.personId ?? ""}
                  error={speakerErrors.personId}
                  placeholder={t("common.choose")}
                  options={people.map((person) => ({ value: person.id, label: person.label }))}
                />
                <Field
                  label={t("meetings.speakers.newPerson")}
                  name="newPersonName"
                  id="speaker-new-person"
                  defaultValue={speakerValues.newPersonName ?? ""}
                  error={speakerErrors.newPersonName}
                  hint={t("meetings.speakers.newPersonHint")}
                />
                <Field
                  label={t("meetings.speakers.position")}
                  name="position"
                  id="speaker-position"
                  defaultValue={speakerValues.position ?? ""}
                  error={speakerErrors.position}
                  hint={t("meetings.speakers.positionHint")}
                />
                <SelectField
                  label={t("meetings.speakers.organization")}
                  name="organizationId"
                  id="speaker-organization"
                  defaultValue={speakerValues.organizationId ?? ""}
                  error={speakerErrors.organizationId}
                  placeholder={t("common.choose")}
                  options={organizations}
                />
                {agendaOptions.length ? (
                  <SelectField
                    label={t("meetings.speakers.agendaItem")}
                    name="agendaItemId"
                    id="speaker-agenda"
                    defaultValue={speakerValues.agendaItemId ?? ""}
                    error={speakerErrors.agendaItemId}
                    placeholder={t("common.none")}
                    options={agendaOptions}
                  />
                ) : null}
                <div className="md:col-span-2">
                  <TextareaField
                    label={t("meetings.speakers.summary")}
                    name="summary"
                    id="speaker-summary"
                    rows={3}
                    defaultValue={speakerValues.summary ?? ""}
                    error={speakerErrors.summary}
                  />
                </div>
              </div>
              <div className="flex justify-end">
                <Button type="submit">{t("meetings.speakers.add")}</Button>
              </div>
            </Form>
          </Panel>
        </section>

        <section id="instructions">
          <Panel
            title={t("minutes.instructions")}
            actions={
              <Link to={`/meetings/${meeting.id}/instructions/new`} className={linkButton.primary}>
                {t("instructions.new.title")}
              </Link>
            }
          >
            {instructions.length === 0 ? <EmptyState>{t("minutes.noInstructions")}</EmptyState> : null}
            <ul className="divide-y divide-slate-100">
              {instructions.map((instruction) => (
                <li key={instruction.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-3">
                  <div className="min-w-0 flex-1">
                    <p className="text-slate-900">
                      <span className="mr-2 font-mono text-sm font-semibold text-brand-800">{instructionCode(meeting.protocol_number, instruction.number)}</span>
                      <span className="line-clamp-2 inline">{instruction.text}</span>
                    </p>
                    <p className="mt-1 text-sm text-slate-600">
                      {instruction.deadline ? `${t("minutes.deadline")}: ${date(instruction.deadline)}` : (instruction.deadline_note ?? t("table.noDeadline"))}
                      {" · "}
                      {t("meetings.instructions.assigneeCount", { count: instruction.assignments.length })}
                    </p>
                  </div>
                  <Link
                    to={`/meetings/${meeting.id}/instructions/${instruction.id}`}
                    aria-label={`${t("common.edit")}: ${instructionCode(meeting.protocol_number, instruction.number)}`}
                    className="rounded px-2 py-1 text-xs font-medium text-brand-800 ring-1 ring-inset ring-brand-200 hover:bg-brand-50"
                  >
                    {t("common.edit")}
                  </Link>
                </li>
              ))}
            </ul>
          </Panel>
        </section>

        {!published ? (
          <Panel title={t("meetings.publish.title")}>
            <div className="space-y-4 p-5">
              {problems.length ? (
                <div>
                  <p className="text-sm font-medium text-slate-800">{t("meetings.publish.problemsTitle")}</p>
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                    {problems.map((key) => (
                      <li key={key}>{t(key)}</li>
                    ))}
                  </ul>
                </div>
              ) : (
                <p className="text-sm text-slate-700">{t("meetings.publish.ready")}</p>
              )}
              {errorsFor("publish").publish ? <FormAlert>{errorsFor("publish").publish}</FormAlert> : null}
              {errorsFor("delete").form ? <FormAlert>{errorsFor("delete").form}</FormAlert> : null}
              <div className="flex flex-wrap items-center justify-between gap-3">
                <Form method="post" className="flex flex-wrap items-center gap-3">
                  <input type="hidden" name="intent" value="delete" />
                  <label className="flex items-center gap-2 text-sm text-slate-700">
                    <input type="checkbox" name="confirm" value="yes" className="h-4 w-4 rounded border-slate-400" />
                    {t("meetings.delete.confirm")}
                  </label>
                  <Button type="submit" variant="ghost" className="text-red-700 hover:bg-red-50">
                    {t("meetings.delete.submit")}
                  </Button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="intent" value="publish" />
                  <input type="hidden" name="version" value={meeting.version} />
                  <Button type="submit" disabled={problems.length > 0}>
                    {t("meetings.publish.submit")}
                  </Button>
                </Form>
              </div>
            </div>
          </Panel>
        ) : null}
      </div>
    </>
  );
}
