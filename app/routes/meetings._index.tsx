import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Pagination } from "~/components/ui/pagination";
import { EmptyState, Panel } from "~/components/ui/panel";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { MEETING_KINDS } from "~/domain/organizations";
import { can } from "~/domain/permissions";
import { useI18n } from "~/i18n/use-i18n";
import { MEETINGS_PAGE_SIZE, listChairs, listMeetings } from "~/models/meetings.server";
import { meetingFiltersSchema } from "~/schemas/meetings";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "meetings.read");
  const filters = meetingFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const [{ rows, total }, chairs] = await Promise.all([listMeetings(db, user, filters), listChairs(db)]);
  return {
    rows,
    total,
    chairs,
    filters,
    pageCount: Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE)),
    canEdit: can(user, "meetings.edit"),
  };
}

const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none";

export default function MeetingsPage() {
  const { rows, total, chairs, filters, pageCount, canEdit } = useLoaderData<typeof loader>();
  const { t, dateTime, number } = useI18n();
  return (
    <>
      <PageHeader
        title={t("meetings.list.title")}
        lead={t("meetings.list.count", { count: number(total) })}
        actions={
          canEdit ? (
            <>
              <Link to="/meetings/import" className={linkButton.secondary}>
                {t("import.action")}
              </Link>
              <Link to="/meetings/new" className={linkButton.primary}>
                {t("meetings.new.title")}
              </Link>
            </>
          ) : null
        }
      />
      <Form method="get" className="mb-6 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-6" role="search">
        <label className="text-sm font-medium text-slate-800 lg:col-span-2">
          {t("meetings.filter.search")}
          <input type="search" name="q" defaultValue={filters.q ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("meetings.field.kind")}
          <select name="kind" defaultValue={filters.kind ?? ""} className={input}>
            <option value="">{t("meetings.filter.anyKind")}</option>
            {MEETING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`meetingKind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("meetings.field.chair")}
          <select name="chair" defaultValue={filters.chair ?? ""} className={input}>
            <option value="">{t("meetings.filter.anyChair")}</option>
            {chairs.map((chair) => (
              <option key={chair.id} value={chair.id}>
                {chair.full_name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("meetings.filter.from")}
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium text-slate-800">
          {t("meetings.filter.to")}
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={input} />
        </label>
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-6">
          <Button type="submit">{t("meetings.filter.apply")}</Button>
          <Link to="/meetings" className={linkButton.secondary}>
            {t("meetings.filter.reset")}
          </Link>
        </div>
      </Form>
      <Panel>
        {rows.length === 0 ? (
          <EmptyState>{t("meetings.list.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100">
            {rows.map((meeting) => (
              <li key={meeting.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-4 hover:bg-slate-50">
                <div className="min-w-0 flex-1">
                  <Link to={`/meetings/${meeting.id}`} className="font-medium text-brand-800 hover:underline">
                    {meeting.title}
                  </Link>
                  <p className="mt-1 text-sm text-slate-600">
                    {t(`meetingKind.${meeting.kind as (typeof MEETING_KINDS)[number]}`)} · {dateTime(meeting.held_at)}
                    {meeting.chair_name ? ` · ${t("meetings.field.chair")}: ${meeting.chair_name}` : ""}
                  </p>
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-2">
                  {meeting.protocol_number ? <span className="font-mono text-sm text-slate-600">№ {meeting.protocol_number}</span> : null}
                  <span className="text-sm text-slate-600">{t("meetings.list.instructionCount", { count: meeting.instruction_count })}</span>
                  <Badge tone={meeting.status === "published" ? "success" : "warning"}>
                    {t(meeting.status === "published" ? "meetingStatus.published" : "meetingStatus.draft")}
                  </Badge>
                  {meeting.edited_after_publish_at ? <Badge tone="info">{t("meetings.edited")}</Badge> : null}
                </div>
              </li>
            ))}
          </ul>
        )}
        <Pagination page={filters.page} pageCount={pageCount} />
      </Panel>
    </>
  );
}
