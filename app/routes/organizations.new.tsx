import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { BackLink, PageHeader } from "~/components/directory/list-parts";
import { documentTitle } from "~/i18n/document-title";
import { OrganizationForm } from "~/components/directory/organization-form";
import { organizationName } from "~/domain/organizations";
import { translator } from "~/i18n/catalogues";
import { useI18n } from "~/i18n/use-i18n";
import { createOrganization, listParentOptions } from "~/models/organizations.server";
import { organizationCreateSchema, translateErrors, typedValues } from "~/schemas/directory";
import { parseForm } from "~/schemas/form";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const language = resolveLanguage(request, user);
  const parents = await listParentOptions(getDb(), language);
  return {
    parents: parents.filter((p) => p.is_active).map((p) => ({ value: p.id, label: organizationName(p, language) })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "directory.edit");
  const t = translator(resolveLanguage(request, user));
  const formData = await request.formData();
  const values = typedValues(formData);
  const parsed = parseForm(organizationCreateSchema, formData, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const result = await createOrganization(getDb(), user.id, parsed.data);
  if (result.status === "invalid") return data({ errors: translateErrors(result.errors, t), values }, { status: 400 });
  return redirectWithFlash(request, "/organizations", "directory.organization.saved");
}

export default function NewOrganizationPage() {
  const { parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <div className="space-y-6">
      <BackLink to="/organizations">{t("directory.organizations.back")}</BackLink>
      <PageHeader title={t("directory.organizations.new")} />
      <OrganizationForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        parents={parents}
        cancelTo="/organizations"
        showActive={false}
      />
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "directory.organizations.new");
