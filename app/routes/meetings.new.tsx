import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { MeetingForm } from "~/components/meetings/meeting-form";
import { PageHeader } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { almatyDate } from "~/domain/calendar";
import { useI18n } from "~/i18n/use-i18n";
import { createMeeting } from "~/models/meetings.server";
import { listPeopleForPicker } from "~/models/speakers.server";
import { parseForm } from "~/schemas/form";
import { meetingSchema } from "~/schemas/meetings";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { personLabel } from "~/i18n/labels";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "meetings.edit");
  return { people: await listPeopleForPicker(getDb()), today: almatyDate() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const t = translatorFor(request, user);
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = parseForm(meetingSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createMeeting(getDb(), user, parsed.data);
  if (!result.ok) {
    const errors = "errors" in result ? translateErrors(t, result.errors) : { form: t("error.server.text") };
    return data({ errors, values }, { status: 400 });
  }
  throw redirectWithFlash(request, `/meetings/${result.meetingId}/edit`, "meetings.flash.created");
}

export default function NewMeetingPage() {
  const { people, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, language } = useI18n();
  return (
    <>
      <PageHeader title={t("meetings.new.title")} lead={t("meetings.new.lead")} />
      <Panel>
        <MeetingForm
          values={actionData?.values ?? { heldDate: today }}
          errors={actionData?.errors}
          formError={actionData?.errors?.form}
          people={people.map((person) => ({ id: person.id, label: personLabel(person, language) }))}
          submitLabel={t("meetings.new.submit")}
        />
      </Panel>
    </>
  );
}
