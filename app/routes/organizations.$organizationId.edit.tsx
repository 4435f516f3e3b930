import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeader } from "~/components/directory/list-parts";
import { documentTitle } from "~/i18n/document-title";
import { OrganizationForm, organizationFormValues } from "~/components/directory/organization-form";
import { organizationName } from "~/domain/organizations";
import { translator } from "~/i18n/catalogues";
import { useI18n } from "~/i18n/use-i18n";
import { getOrganization, listParentOptions, updateOrganization } from "~/models/organizations.server";
import { organizationUpdateSchema, translateErrors, typedValues } from "~/schemas/directory";
import { parseForm } from "~/schemas/form";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const language = resolveLanguage(request, user);
  const db = getDb();
  const organization = await getOrganization(db, params.organizationId ?? "");
  if (!organization) throw notFound();
  const parents = await listParentOptions(db, language);
  return {
    name: organizationName(organization, language),
    values: organizationFormValues(organization),
    // An inactive parent stays selectable only where it is already the parent.
    parents: parents
      .filter((p) => p.id !== organization.id && (p.is_active || p.id === organization.parent_id))
      .map((p) => ({ value: p.id, label: organizationName(p, language) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const t = translator(resolveLanguage(request, user));
  const formData = await request.formData();
  const values = typedValues(formData);
  const parsed = parseForm(organizationUpdateSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await updateOrganization(getDb(), user.id, params.organizationId ?? "", parsed.data);
  if (result.status === "not_found") throw notFound();
  if (result.status === "invalid") return data({ errors: translateErrors(result.errors, t), values }, { status: 400 });
  return redirectWithFlash(request, "/organizations", "directory.organization.saved");
}

export default function EditOrganizationPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/organizations">{t("directory.organizations.back")}</BackLink>
      <PageHeader title={t("directory.organizations.editTitle")} lead={loaded.name} />
      <OrganizationForm
        values={actionData?.values ?? loaded.values}
        errors={actionData?.errors ?? {}}
        parents={loaded.parents}
        cancelTo="/organizations"
        showActive
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "directory.organizations.editTitle");
