import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Field, TextareaField } from "~/components/ui/field";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { almatyDate } from "~/domain/calendar";
import { useI18n } from "~/i18n/use-i18n";
import type { MessageKey } from "~/i18n";
import { createMinutesImport } from "~/models/minutes-imports.server";
import { importSourceSchema } from "~/schemas/minutes-import";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { translatorFor } from "~/utils/forms.server";
import { readImportForm } from "~/utils/import-upload.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "meetings.edit");
  return { today: almatyDate() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const t = translatorFor(request, user);
  const { formData, file, fileError } = await readImportForm(request);
  const parsed = importSourceSchema.safeParse({ text: formData.get("text") ?? "", meetingDate: formData.get("meetingDate") ?? "" });
  const values = { text: String(formData.get("text") ?? ""), meetingDate: String(formData.get("meetingDate") ?? "") };
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= t(issue.message as MessageKey);
  if (fileError) errors.file = t(fileError);
  // A chosen file wins over the text box: it is what the user picked last, and what the hint promises.
  const text = file?.text ?? (parsed.success ? parsed.data.text : "");
  if (!fileError && !errors.text && !text.trim()) errors.text = t("import.error.empty");
  if (Object.keys(errors).length || !parsed.success) return data({ errors, values }, { status: 400 });
  const importId = await createMinutesImport(getDb(), user, {
    text,
    sourceName: file?.name ?? null,
    meetingDate: parsed.data.meetingDate,
    today: almatyDate(),
  });
  throw redirect(`/meetings/import/${importId}`);
}

export default function ImportMinutesPage() {
  const { today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = actionData?.values;
  return (
    <>
      <PageHeader title={t("import.title")} lead={t("import.lead")} />
      <Panel>
        <Form method="post" encType="multipart/form-data" className="space-y-6 p-5" noValidate>
          <TextareaField
            label={t("import.field.text")}
            name="text"
            rows={16}
            defaultValue={values?.text ?? ""}
            error={errors.text}
            hint={t("import.hint.text")}
          />
          <div className="grid gap-6 md:grid-cols-2">
            <Field
              label={t("import.field.file")}
              name="file"
              type="file"
              accept=".txt,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              error={errors.file}
              hint={t("import.hint.file")}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium"
            />
            <Field
              label={t("import.field.meetingDate")}
              name="meetingDate"
              type="date"
              max={today}
              defaultValue={values?.meetingDate ?? ""}
              error={errors.meetingDate}
              hint={t("import.hint.meetingDate")}
            />
          </div>
          <div className="flex flex-wrap items-center justify-end gap-3 border-t border-slate-100 pt-5">
            <Link to="/meetings" className={linkButton.secondary}>
              {t("common.cancel")}
            </Link>
            <Button type="submit">{t("import.submit")}</Button>
          </div>
        </Form>
      </Panel>
    </>
  );
}
