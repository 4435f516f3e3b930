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
import { getPerson, updatePerson } from "~/models/people.server";
import { personSchema, translateErrors, typedValues } from "~/schemas/directory";
import { parseForm } from "~/schemas/form";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const language = resolveLanguage(request, user);
  const db = getDb();
  const person = await getPerson(db, params.personId ?? "");
  if (!person) throw notFound();
  const organizations = await listOrganizationOptions(db, language);
  return {
    name: person.full_name,
    values: { full_name: person.full_name, position: person.position ?? "", organization_id: person.organization_id ?? "" },
    // An inactive organization stays selectable only where it is already the person's.
    organizations: organizations
      .filter((o) => o.is_active || o.id === person.organization_id)
      .map((o) => ({ value: o.id, label: organizationName(o, language) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const t = translator(resolveLanguage(request, user));
  const formData = await request.formData();
  const values = typedValues(formData);
  const parsed = parseForm(personSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await updatePerson(getDb(), user.id, params.personId ?? "", parsed.data);
  if (result.status === "not_found") throw notFound();
  if (result.status === "invalid") return data({ errors: translateErrors(result.errors, t), values }, { status: 400 });
  return redirectWithFlash(request, "/people", "directory.person.saved");
}

export default function EditPersonPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/people">{t("directory.people.back")}</BackLink>
      <PageHeader title={t("directory.people.editTitle")} lead={loaded.name} />
      <PersonForm
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        organizations={loaded.organizations}
        cancelTo="/people"
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "directory.people.editTitle");
