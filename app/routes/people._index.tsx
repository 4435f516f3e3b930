import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { LinkButton, PageHeader, Pagination, TABLE_HEAD } from "~/components/directory/list-parts";
import { documentTitle } from "~/i18n/document-title";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { EmptyState, Panel } from "~/components/ui/panel";
import { organizationName } from "~/domain/organizations";
import { paginate } from "~/domain/pagination";
import { can } from "~/domain/permissions";
import { useI18n } from "~/i18n/use-i18n";
import { listPeople } from "~/models/people.server";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";
import { TableScroller } from "~/components/ui/table-scroller";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "directory.read");
  const language = resolveLanguage(request, user);
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 200);
  const page = paginate(await listPeople(getDb(), { q }), params.get("page"));
  return {
    q,
    canEdit: can(user, "directory.edit"),
    total: page.total,
    page: page.page,
    pageCount: page.pageCount,
    people: page.rows.map((row) => ({
      id: row.id,
      fullName: row.full_name,
      position: row.position,
      organization: row.organization_name_kk
        ? organizationName(
            { name_kk: row.organization_name_kk, name_ru: row.organization_name_ru ?? "", name_en: row.organization_name_en ?? "" },
            language,
          )
        : null,
    })),
  };
}

export default function PeoplePage() {
  const data = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("directory.people.title")}
        lead={t("directory.people.lead")}
        action={data.canEdit ? <LinkButton to="/people/new">+ {t("directory.people.new")}</LinkButton> : null}
      />

      <Form
        method="get"
        role="search"
        key={data.q}
        className="grid items-start gap-4 rounded-lg border border-slate-200 bg-white px-5 py-4 shadow-sm md:grid-cols-[minmax(0,1fr)_auto]"
      >
        <Field label={t("directory.search.label")} name="q" type="search" defaultValue={data.q} hint={t("directory.people.searchHint")} />
        <div className="flex gap-3 md:mt-6">
          <Button type="submit">{t("directory.search.submit")}</Button>
          {data.q ? (
            <LinkButton to="/people" variant="secondary">
              {t("directory.search.reset")}
            </LinkButton>
          ) : null}
        </div>
      </Form>

      <Panel title={t("directory.found", { count: number(data.total) })}>
        {data.people.length === 0 ? (
          <EmptyState>{t("directory.people.empty")}</EmptyState>
        ) : (
          <TableScroller>
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">{t("directory.people.title")}</caption>
              <thead className={TABLE_HEAD}>
                <tr>
                  <th scope="col" className="px-4 py-2">{t("directory.table.fullName")}</th>
                  <th scope="col" className="px-4 py-2">{t("directory.table.position")}</th>
                  <th scope="col" className="px-4 py-2">{t("directory.table.organization")}</th>
                  {data.canEdit ? (
                    <th scope="col" className="px-4 py-2">
                      <span className="sr-only">{t("directory.table.actions")}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.people.map((person) => (
                  <tr key={person.id}>
                    <th scope="row" className="min-w-48 whitespace-nowrap px-4 py-3 text-left font-medium text-slate-900">
                      {person.fullName}
                    </th>
                    <td className="min-w-64 max-w-md px-4 py-3 text-slate-700">{person.position ?? "—"}</td>
                    <td className="min-w-64 max-w-md px-4 py-3 text-slate-700">{person.organization ?? "—"}</td>
                    {data.canEdit ? (
                      <td className="whitespace-nowrap px-4 py-3 text-right">
                        <Link
                          to={`/people/${person.id}/edit`}
                          aria-label={t("directory.editNamed", { name: person.fullName })}
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

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "directory.people.title");
