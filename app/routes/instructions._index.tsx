import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RegisterTable } from "~/components/register-table";
import { Button } from "~/components/ui/button";
import { LongSelect } from "~/components/ui/long-select";
import { choicesMarkup } from "~/components/ui/long-select.server";
import { Pagination } from "~/components/ui/pagination";
import { EmptyState, Panel } from "~/components/ui/panel";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { almatyDate } from "~/domain/calendar";
import { ASSIGNMENT_STATUSES } from "~/domain/lifecycle";
import { ORGANIZATION_KINDS } from "~/domain/organizations";
import type { MessageKey } from "~/i18n";
import { translator } from "~/i18n/catalogues";
import { useI18n } from "~/i18n/use-i18n";
import { REGISTER_PAGE_SIZE, listRegister, registerFilterOptions } from "~/models/register.server";
import { registerQuery } from "~/domain/register-query";
import { registerFiltersSchema, type RegisterFilters } from "~/schemas/register";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const language = resolveLanguage(request, user);
  const filters = registerFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = almatyDate();
  const db = getDb();
  const [register, options] = await Promise.all([listRegister(db, user, filters, today, language), registerFilterOptions(db, language, filters.meeting)]);
  const t = translator(language);
  return {
    ...register,
    filters,
    today,
    pageCount: Math.max(1, Math.ceil(register.total / REGISTER_PAGE_SIZE)),
    choices: {
      organization: choicesMarkup(options.organizations, t("register.filter.anyOrganization")),
      meeting: choicesMarkup(options.meetings, t("register.filter.anyMeeting")) + choicesMarkup(options.olderMeetings),
      chair: choicesMarkup(options.chairs, t("meetings.filter.anyChair")),
    },
  };
}

const control =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none";

function SortHeader({ label, sort, filters, className = "" }: { label: string; sort: RegisterFilters["sort"]; filters: RegisterFilters; className?: string }) {
  const active = filters.sort === sort;
  const nextDir = active && filters.dir === "asc" ? "desc" : "asc";
  return (
    <th scope="col" className={`px-4 py-2 ${className}`} aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link to={registerQuery(filters, { sort, dir: nextDir, page: undefined })} className="inline-flex items-center gap-1 hover:text-slate-900">
        {label}
        <span aria-hidden="true" className={active ? "text-brand-700" : "text-slate-300"}>
          {active && filters.dir === "desc" ? "▼" : "▲"}
        </span>
      </Link>
    </th>
  );
}

export default function RegisterPage() {
  const { rows, total, overdue, done, filters, today, pageCount, choices } = useLoaderData<typeof loader>();
  const { t, number } = useI18n();
  const exportQuery = registerQuery({ ...filters, page: undefined });
  return (
    <>
      <PageHeader
        title={t("register.title")}
        lead={t("register.counts", { total: number(total), overdue: number(overdue), done: number(done) })}
        actions={
          <>
            <a href={`/instructions/export.xlsx${exportQuery}`} className={linkButton.secondary}>
              {t("register.exportXlsx")}
            </a>
            <a href={`/instructions/export.csv${exportQuery}`} className={linkButton.secondary}>
              {t("register.exportCsv")}
            </a>
          </>
        }
      />
      <Form method="get" role="search" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-4">
        <input type="hidden" name="sort" value={filters.sort} />
        <input type="hidden" name="dir" value={filters.dir} />
        {filters.open ? <input type="hidden" name="open" value="1" /> : null}
        {filters.late ? <input type="hidden" name="late" value="1" /> : null}
        <label className="text-sm font-medium text-slate-800 lg:col-span-2">
          {t("register.filter.text")}
          <input type="search" name="q" defaultValue={filters.q ?? ""} className={control} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("table.status")}
          <select name="status" defaultValue={filters.status ?? ""} className={control}>
            <option value="">{t("register.filter.anyStatus")}</option>
            {ASSIGNMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("table.organization")}
          <LongSelect name="organization" markup={choices.organization} value={filters.organization} className={control} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("register.filter.kind")}
          <select name="kind" defaultValue={filters.kind ?? ""} className={control}>
            <option value="">{t("register.filter.anyKind")}</option>
            {ORGANIZATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`organizationKind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("table.meeting")}
          <LongSelect name="meeting" markup={choices.meeting} value={filters.meeting} className={control} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("table.chair")}
          <LongSelect name="chair" markup={choices.chair} value={filters.chair} className={control} />
        </label>
        <div className="grid grid-cols-2 gap-2">
          <label className="text-sm font-medium text-slate-800">
            {t("register.filter.deadlineFrom")}
            <input type="date" name="from" defaultValue={filters.from ?? ""} className={control} />
          </label>
          <label className="text-sm font-medium text-slate-800">
            {t("register.filter.deadlineTo")}
            <input type="date" name="to" defaultValue={filters.to ?? ""} className={control} />
          </label>
        </div>
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2 sm:col-span-2 lg:col-span-4">
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="overdue" value="1" defaultChecked={Boolean(filters.overdue)} className="h-4 w-4 rounded border-slate-400" />
            {t("register.filter.overdueOnly")}
          </label>
          <label className="flex items-center gap-2 text-sm text-slate-800">
            <input type="checkbox" name="special" value="1" defaultChecked={Boolean(filters.special)} className="h-4 w-4 rounded border-slate-400" />
            {t("register.filter.specialOnly")}
          </label>
          <div className="ml-auto flex gap-2">
            <Button type="submit">{t("meetings.filter.apply")}</Button>
            <Link to="/instructions" className={linkButton.secondary}>
              {t("meetings.filter.reset")}
            </Link>
          </div>
        </div>
      </Form>
      <Panel>
        {rows.length === 0 ? (
          <EmptyState>{t("register.empty")}</EmptyState>
        ) : (
          <RegisterTable rows={rows} today={today} header={(label, sort) => <SortHeader label={label} sort={sort} filters={filters} />} />
        )}
        <Pagination page={filters.page} pageCount={pageCount} />
      </Panel>
    </>
  );
}
