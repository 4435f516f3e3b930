import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssignmentList } from "~/components/execution/assignment-list";
import { PageHeader } from "~/components/ui/page-header";
import { EmptyState, Panel } from "~/components/ui/panel";
import { almatyDate } from "~/domain/calendar";
import { instructionCode } from "~/domain/instructions";
import { organizationNameOf } from "~/i18n/labels";
import { useI18n } from "~/i18n/use-i18n";
import { listReviewQueue } from "~/models/assignments.server";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assignments.review");
  return { ...(await listReviewQueue(getDb(), user)), today: almatyDate() };
}

export default function ReviewPage() {
  const { reports, extensions, today } = useLoaderData<typeof loader>();
  const { t, language, date, dateTime } = useI18n();
  return (
    <>
      <PageHeader title={t("review.title")} lead={t("review.lead")} />
      <div className="space-y-8">
        <Panel title={t("review.reports", { count: reports.length })}>
          {reports.length ? <AssignmentList rows={reports} today={today} showOrganization caption={t("review.reports", { count: reports.length })} /> : <EmptyState>{t("review.reportsEmpty")}</EmptyState>}
        </Panel>
        <Panel title={t("review.extensions", { count: extensions.length })}>
          {extensions.length ? (
            <ul className="divide-y divide-slate-100">
              {extensions.map((request) => (
                <li key={request.request_id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
                  <div className="min-w-0 flex-1">
                    <Link to={`/assignments/${request.id}`} className="font-medium text-brand-800 hover:underline">
                      {instructionCode(request.protocol_number, request.instruction_number)} · {organizationNameOf(request, language)}
                    </Link>
                    <p className="mt-1 text-sm text-slate-700">
                      {t("review.extensionLine", { from: date(request.deadline), to: date(request.requested_deadline) })}
                    </p>
                    {request.request_body ? <p className="mt-1 line-clamp-2 text-sm text-slate-600">{request.request_body}</p> : null}
                  </div>
                  <span className="text-xs text-slate-500">{dateTime(request.requested_at)}</span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t("review.extensionsEmpty")}</EmptyState>
          )}
        </Panel>
      </div>
    </>
  );
}
