import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ImportReviewForm } from "~/components/meetings/import-review";
import { PageHeader } from "~/components/ui/page-header";
import { quoteInContext, structureReview, type ReviewWarning } from "~/domain/minutes-import";
import type { DraftWarning } from "~/domain/minutes-parser";
import { organizationName } from "~/domain/organizations";
import type { MessageKey } from "~/i18n";
import { personLabel } from "~/i18n/labels";
import { useI18n } from "~/i18n/use-i18n";
import { confirmMinutesImport, getMinutesImport, saveReviewValues } from "~/models/minutes-imports.server";
import { listOrganizationOptions } from "~/models/organizations.server";
import { listPeopleForPicker } from "~/models/speakers.server";
import { importReviewSchema } from "~/schemas/minutes-import";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formValues, translateErrors, translatorFor } from "~/utils/forms.server";
import { resolveLanguage } from "~/utils/language.server";
import { sortByText } from "~/domain/text";

function reviewWarning(warning: DraftWarning): ReviewWarning {
  // The one message with a value in it: "… proposed as new: <name>".
  const name = warning.code === "organization_not_in_directory" ? warning.message.split(":").slice(1).join(":").trim() : undefined;
  return { code: warning.code, instruction: warning.instruction, name };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const db = getDb();
  const imported = await getMinutesImport(db, params.importId!);
  if (!imported) throw notFound();
  // Already confirmed (a second tab, the back button): the meeting is the result to show.
  if (imported.meetingId) throw redirect(`/meetings/${imported.meetingId}`);
  const language = resolveLanguage(request, user);
  const [organizations, people] = await Promise.all([listOrganizationOptions(db, language), listPeopleForPicker(db)]);
  return {
    sourceName: imported.sourceName,
    // Warnings by code only: the parser's English message is for the CLI, the page translates the code.
    draft: { ...imported.draft, warnings: imported.draft.warnings.map(reviewWarning) },
    values: imported.values,
    quotes: imported.draft.instructions.map((instruction) => quoteInContext(imported.sourceText, instruction.quote)),
    organizations: organizations.filter((o) => o.is_active).map((o) => ({ value: o.id, label: organizationName(o, language) })),
    people: sortByText(
      people.map((person) => ({ value: person.id, label: personLabel(person, language) })),
      (option) => option.label,
    ),
  };
}

/** Zod's path into the structured review, back to the form field it came from. */
function fieldOf(path: PropertyKey[], review: ReturnType<typeof structureReview>): string {
  const [head, position, field] = path;
  if (head === "speakers" && typeof position === "number") return `speakers.${review.speakers[position]?.index}.${String(field)}`;
  if (head === "instructions" && typeof position === "number") {
    const index = review.instructions[position]?.index;
    return field === "leads" || field === "coExecutors" ? `instructions.${index}.assignees` : `instructions.${index}.${String(field)}`;
  }
  return String(head ?? "form");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "meetings.edit");
  const t = translatorFor(request, user);
  const db = getDb();
  const imported = await getMinutesImport(db, params.importId!);
  if (!imported) throw notFound();
  const values = formValues(await request.formData());
  const review = structureReview(values);
  const parsed = importReviewSchema.safeParse(review);
  let errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[fieldOf(issue.path, review)] ??= t(issue.message as MessageKey);
  } else {
    const result = await confirmMinutesImport(db, user, imported.id, parsed.data);
    if (result.ok) throw redirectWithFlash(request, `/meetings/${result.meetingId}`, "import.flash.created");
    if ("notFound" in result) throw notFound();
    errors = translateErrors(t, result.errors);
  }
  // The edits are kept with the import too, so a reload of the review page does not lose them.
  await saveReviewValues(db, user, imported.id, values);
  return data({ errors: { ...errors, form: t("import.error.form") }, values }, { status: 400 });
}

export default function ImportReviewPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <>
      <PageHeader
        eyebrow={t("import.review.source", { name: loaderData.sourceName ?? t("import.review.pasted") })}
        title={t("import.review.title")}
        lead={t("import.review.lead")}
      />
      <ImportReviewForm
        draft={loaderData.draft}
        quotes={loaderData.quotes}
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors ?? {}}
        organizations={loaderData.organizations}
        people={loaderData.people}
      />
    </>
  );
}
