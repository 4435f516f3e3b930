import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { organizationOptions } from "~/i18n/labels";
import { Button } from "~/components/ui/button";
import { Field, SelectField, TextareaField } from "~/components/ui/field";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { useI18n } from "~/i18n/use-i18n";
import { listOrganizationsForPicker, updateSpeaker } from "~/models/speakers.server";
import { parseForm } from "~/schemas/form";
import { speakerUpdateSchema } from "~/schemas/meetings";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const db = getDb();
  const speaker = await db
    .selectFrom("speakers")
    .innerJoin("people", "people.id", "speakers.person_id")
    .innerJoin("meetings", "meetings.id", "speakers.meeting_id")
    .select([
      "speakers.id",
      "speakers.meeting_id",
      "speakers.position",
      "speakers.organization_id",
      "speakers.agenda_item_id",
      "speakers.summary",
      "people.full_name",
      "meetings.title as meeting_title",
    ])
    .where("speakers.id", "=", params.speakerId!)
    .where("speakers.meeting_id", "=", params.meetingId!)
    .executeTakeFirst();
  if (!speaker) throw notFound();
  const [organizations, agendaItems] = await Promise.all([
    listOrganizationsForPicker(db),
    db.selectFrom("agenda_items").select(["id", "sort_order", "title"]).where("meeting_id", "=", speaker.meeting_id).orderBy("sort_order").execute(),
  ]);
  return { speaker, organizations: organizationOptions(organizations, resolveLanguage(request, user)), agendaItems };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const t = translatorFor(request, user);
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = parseForm(speakerUpdateSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await updateSpeaker(getDb(), user, params.meetingId!, params.speakerId!, parsed.data);
  if (result.ok) throw redirect(`/meetings/${params.meetingId}/edit#speakers`);
  if ("errors" in result) return data({ errors: translateErrors(t, result.errors), values }, { status: 400 });
  throw notFound();
}

export default function EditSpeakerPage() {
  const { speaker, organizations, agendaItems } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const values: Record<string, string | null> = actionData?.values ?? {
    position: speaker.position,
    organizationId: speaker.organization_id,
    agendaItemId: speaker.agenda_item_id,
    summary: speaker.summary,
  };
  const errors: Record<string, string> = actionData?.errors ?? {};
  return (
    <>
      <PageHeader eyebrow={speaker.meeting_title} title={speaker.full_name} lead={t("meetings.speakers.editLead")} />
      <Panel>
        <Form method="post" className="space-y-5 p-5" noValidate>
          <div className="grid gap-5 md:grid-cols-2">
            <Field label={t("meetings.speakers.position")} name="position" defaultValue={values.position ?? ""} error={errors.position} />
            <SelectField
              label={t("meetings.speakers.organization")}
              name="organizationId"
              defaultValue={values.organizationId ?? ""}
              error={errors.organizationId}
              placeholder={t("common.choose")}
              options={organizations}
            />
            {agendaItems.length ? (
              <SelectField
                label={t("meetings.speakers.agendaItem")}
                name="agendaItemId"
                defaultValue={values.agendaItemId ?? ""}
                error={errors.agendaItemId}
                placeholder={t("common.none")}
                options={agendaItems.map((item) => ({ value: item.id, label: `${item.sort_order}. ${item.title}` }))}
              />
            ) : null}
            <div className="md:col-span-2">
              <TextareaField label={t("meetings.speakers.summary")} name="summary" rows={6} defaultValue={values.summary ?? ""} error={errors.summary} />
            </div>
          </div>
          <div className="flex justify-end gap-2">
            <Link to={`/meetings/${speaker.meeting_id}/edit#speakers`} className={linkButton.secondary}>
              {t("common.cancel")}
            </Link>
            <Button type="submit">{t("common.save")}</Button>
          </div>
        </Form>
      </Panel>
    </>
  );
}
