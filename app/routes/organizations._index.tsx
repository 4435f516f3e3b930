import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LinkButton, PageHeader, Pagination, TABLE_HEAD } from "~/components/directory/list-parts";
import { documentTitle } from "~/i18n/document-title";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Field, SelectField } from "~/components/ui/field";
import { EmptyState, Panel } from "~/components/ui/panel";
import { isOrganizationKind } from "~/domain/directory";
import { ORGANIZATION_KINDS, organizationName } from "~/domain/organizations";
import { paginate } from "~/domain/pagination";
import { can } from "~/domain/permissions";
import { useI18n } from "~/i18n/use-i18n";
import { listOrganizations } from "~/models/organizations.server";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";
import { TableScroller } from "~/components/ui/table-scroller";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory.read");
  const language = resolveLanguage(request, user);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 200);
  const kind = params.get("kind") ?? "";
  const rows = await listOrganizations(getDb(), language, { q, kind });
  const page = paginate(rows, params.get("page"));
  // Only the reader's language travels: the page stays light on a slow line.
  return {
    q,
    kind: isOrganizationKind(kind) ? kind : "",
    canEdit: can(user, "directory.edit"),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    organizations: page.rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      name: organizationName(row, language),
      shortName: { kk: row.short_name_kk, ru: row.short_name_ru, en: row.short_name_en }[language],
      isActive: Boolean(row.is_active),
      parent: row.parent_name_kk
        ? organizationName({ name_kk: row.parent_name_kk, name_ru: row.parent_name_ru ?? "", name_en: row.parent_name_en ?? "" }, language)
        : null,
    })),
  };
}

export default function OrganizationsPage() {
  const data = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  const kindLabel = (kind: string) => (isOrganizationKind(kind) ? t(`organizationKind.${kind}`) : kind);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("directory.organizations.title")}
        lead={t("directory.organizations.lead")}
        action={data.canEdit ? <LinkButton to="/organizations/new">+ {t("directory.organizations.new")}</LinkButton> : null}
      />

      <Form
        method="get"
        role="search"
        key={`${data.q}|${data.kind}`}
        className="grid items-start gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm md:grid-cols-[minmax(0,1fr)_16rem_auto]"
      >
        <Field
          label={t("directory.search.label")}
          name="q"
          type="search"
          defaultValue={data.q}
          hint={t("directory.organizations.searchHint")}
        />
        <SelectField
          label={t("directory.filter.kind")}
          name="kind"
          defaultValue={data.kind}
          placeholder={t("directory.filter.allKinds")}
          options={ORGANIZATION_KINDS.map((kind) => ({ value: kind, label: t(`organizationKind.${kind}`) }))}
        />
        <div className="flex gap-3 md:mt-6">
          <Button type="submit">{t("directory.search.submit")}</Button>
          {data.q || data.kind ? (
            <LinkButton to="/organizations" variant="secondary">
              {t("directory.search.reset")}
            </LinkButton>
          ) : null}
        </div>
      </Form>

      <Panel title={t("directory.found", { count: number(data.total) })}>
        {data.organizations.length === 0 ? (
          <EmptyState>{t("directory.organizations.empty")}</EmptyState>
        ) : (
          <TableScroller>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("directory.organizations.title")}</caption>
              <thead className={TABLE_HEAD}>
                <tr>
                  <th scope="col" className="px-4 py-2">{t("directory.table.name")}</th>
                  <th scope="col" className="px-4 py-2">{t("directory.table.shortName")}</th>
                  <th scope="col" className="px-4 py-2">{t("directory.table.kind")}</th>
                  <th scope="col" className="px-4 py-2">{t("directory.table.parent")}</th>
                  {data.canEdit ? (
                    <th scope="col" className="px-4 py-2">
                      <span className="sr-only">{t("directory.table.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.organizations.map((organization) => (
                  <tr key={organization.id} className={organization.isActive ? undefined : "bg-slate-50 text-slate-500"}>
                    <th scope="row" className="min-w-72 max-w-xl px-4 py-3 text-left font-medium text-slate-900">
                      <Link to={`/organizations/${organization.id}`} className="hover:text-brand-800 hover:underline">
                        {organization.name}
                      </Link>
                      {organization.isActive ? null : (
                        <span className="ml-2 align-middle">
                          <Badge>{t("directory.inactive")}</Badge>
                        </span>
                      )}
                    </th>
                    <td className="min-w-36 px-4 py-3 text-slate-700">{organization.shortName ?? "—"}</td>
                    <td className="whitespace-nowrap px-4 py-3 text-slate-700">{kindLabel(organization.kind)}</td>
                    <td className="min-w-48 px-4 py-3 text-slate-700">{organization.parent ?? "—"}</td>
                    {data.canEdit ? (
                      <td className="whitespace-nowrap px-4 py-3 text-right">
                        <Link
                          to={`/organizations/${organization.id}/edit`}
                          aria-label={t("directory.editNamed", { name: organization.name })}
                          className="font-medium text-brand-700 hover:text-brand-900 hover:underline"
                        >
                          {t("directory.edit")}
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroller>
        )}
        <Pagination page={data.page} pageCount={data.pageCount} />
      </Panel>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "directory.organizations.title");
