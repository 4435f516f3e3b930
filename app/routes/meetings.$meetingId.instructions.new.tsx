import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { InstructionForm } from "~/components/meetings/instruction-form";
import { PageHeader } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { useI18n } from "~/i18n/use-i18n";
import { createInstruction, suggestInstructionNumber } from "~/models/instructions.server";
import { getInstructionFormContext } from "~/models/meeting-editor.server";
import { parseForm } from "~/schemas/form";
import { instructionSchema } from "~/schemas/meetings";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const db = getDb();
  const context = await getInstructionFormContext(db, params.meetingId!, resolveLanguage(request, user));
  if (!context) throw notFound();
  return { ...context, suggestedNumber: await suggestInstructionNumber(db, params.meetingId!) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const t = translatorFor(request, user);
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = parseForm(instructionSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createInstruction(getDb(), user, params.meetingId!, parsed.data);
  if (result.ok) {
    throw redirectWithFlash(request, `/meetings/${params.meetingId}/instructions/${result.instructionId}#assignments`, "instructions.flash.created");
  }
  if ("errors" in result) return data({ errors: translateErrors(t, result.errors), values }, { status: 400 });
  throw notFound();
}

export default function NewInstructionPage() {
  const { meeting, agendaItems, people, quickDeadlines, suggestedNumber } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader eyebrow={meeting.title} title={t("instructions.new.title")} lead={t("instructions.new.lead")} />
      <Panel>
        <InstructionForm
          values={actionData?.values ?? { number: suggestedNumber }}
          errors={actionData?.errors}
          people={people}
          agendaItems={agendaItems}
          quickDeadlines={quickDeadlines}
          submitLabel={t("instructions.new.submit")}
        />
      </Panel>
    </>
  );
}
