import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeader } from "~/components/directory/list-parts";
import { documentTitle } from "~/i18n/document-title";
import { PersonForm } from "~/components/directory/person-form";
import { organizationName } from "~/domain/organizations";
import { translator } from "~/i18n/catalogues";
import { useI18n } from "~/i18n/use-i18n";
import { listOrganizationOptions } from "~/models/organizations.server";
import { createPerson } from "~/models/people.server";
import { personSchema, translateErrors, typedValues } from "~/schemas/directory";
import { parseForm } from "~/schemas/form";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const language = resolveLanguage(request, user);
  const organizations = await listOrganizationOptions(getDb(), language);
  return {
    organizations: organizations.filter((o) => o.is_active).map((o) => ({ value: o.id, label: organizationName(o, language) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const t = translator(resolveLanguage(request, user));
  const formData = await request.formData();
  const values = typedValues(formData);
  const parsed = parseForm(personSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createPerson(getDb(), user.id, parsed.data);
  if (result.status === "invalid") return data({ errors: translateErrors(result.errors, t), values }, { status: 400 });
  return redirectWithFlash(request, "/people", "directory.person.saved");
}

export default function NewPersonPage() {
  const { organizations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/people">{t("directory.people.back")}</BackLink>
      <PageHeader title={t("directory.people.new")} />
      <PersonForm values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} organizations={organizations} cancelTo="/people" />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "directory.people.new");
