import { Link } from "@remix-run/react";
import type { AssignmentStatus } from "../../domain/lifecycle";
import { organizationNameOf } from "../../i18n/labels";
import type { MessageKey } from "../../i18n";
import { useI18n } from "../../i18n/use-i18n";
import type { TimelineEvent } from "../../models/assignments.server";
import type { AssignmentRow } from "./assignment-list";

const DOT: Record<string, string> = {
  assigned: "bg-slate-400",
  progress: "bg-brand-500",
  completion_report: "bg-accent-500",
  extension_request: "bg-violet-500",
  extension_approved: "bg-emerald-600",
  extension_rejected: "bg-red-600",
  accepted: "bg-emerald-600",
  returned: "bg-red-600",
  cancelled: "bg-slate-600",
  comment: "bg-slate-400",
};

function formatBytes(bytes: number, number: (n: number) => string) {
  return bytes >= 1024 * 1024 ? `${number(Math.round((bytes / 1024 / 1024) * 10) / 10)} MB` : `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** An assignment and the organization that holds it, to name on each of its events. */
export type TimelineAssignee = Pick<AssignmentRow, "id" | "organization_name_kk" | "organization_name_ru" | "organization_name_en">;

/**
 * The history of one or more assignments, oldest first, in the reader's language. With `total` above the events
 * given (the latest only), it says so and links to the whole history. Given more than one `assignees`, each event
 * names the organization whose assignment it is on.
 */
export function Timeline({
  events,
  total = events.length,
  assignedCount,
  assignees = [],
}: {
  events: TimelineEvent[];
  total?: number;
  /** "Assigned" events in the whole history, when only the latest are given. */
  assignedCount?: number;
  assignees?: TimelineAssignee[];
}) {
  const { t, number } = useI18n();
  return (
    <>
      <div id="history" />
      {total > events.length ? (
        <p className="border-b border-slate-200 px-5 py-3 text-sm text-slate-600">
          {t("timeline.recentOnly", { shown: number(events.length), total: number(total) })}{" "}
          <Link to="?history=all#history" className="font-medium text-brand-700 hover:underline">
            {t("timeline.showAll")}
          </Link>
        </p>
      ) : null}
      <TimelineEvents events={events} assignedCount={assignedCount} assignees={assignees.length > 1 ? new Map(assignees.map((a) => [a.id, a])) : null} />
    </>
  );
}

function TimelineEvents({
  events: all,
  assignedCount,
  assignees,
}: {
  events: TimelineEvent[];
  assignedCount: number | undefined;
  assignees: Map<string, TimelineAssignee> | null;
}) {
  const { t, language, date, dateTime, number } = useI18n();
  if (all.length === 0) return <p className="px-5 py-6 text-sm text-slate-500">{t("timeline.empty")}</p>;
  // With many assignees, twenty "assigned" lines say one thing: fold them into the first.
  const assigned = all.filter((event) => event.kind === "assigned");
  const assignedTotal = Math.max(assignedCount ?? 0, assigned.length);
  const fold = assignees !== null && assigned.length > 0 && assignedTotal > 1;
  const events = fold ? all.filter((event) => event.kind !== "assigned" || event === assigned[0]) : all;
  return (
    <ol className="relative space-y-0 px-5 py-4" data-testid="timeline">
      {events.map((event, index) => {
        const folded = fold && event === assigned[0];
        const authorOrganization = event.author_organization_name_kk
          ? organizationNameOf(
              {
                organization_name_kk: event.author_organization_name_kk,
                organization_name_ru: event.author_organization_name_ru,
                organization_name_en: event.author_organization_name_en,
              },
              language,
            )
          : null;
        const assigneeRow = assignees && !folded ? assignees.get(event.assignment_id) : undefined;
        const assignee = assigneeRow ? organizationNameOf(assigneeRow, language) : null;
        const title = t(`timeline.kind.${event.kind}` as MessageKey, {
          date: date(event.requested_deadline ?? event.to_deadline),
        });
        return (
          <li key={event.id} className="relative flex gap-4 pb-6 last:pb-0" data-testid="timeline-event" data-kind={event.kind}>
            {index < events.length - 1 ? <span className="absolute left-[7px] top-4 h-full w-px bg-slate-200" aria-hidden="true" /> : null}
            <span className={`relative mt-1 h-3.5 w-3.5 shrink-0 rounded-full ring-4 ring-white ${DOT[event.kind] ?? "bg-slate-400"}`} aria-hidden="true" />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="font-semibold text-slate-900">
                  {folded ? t("timeline.assignedMany", { count: assignedTotal }) : title}
                  {assignee ? <span className="font-normal text-slate-600"> · {assignee}</span> : null}
                </p>
                <time dateTime={event.created_at} className="text-xs text-slate-500">
                  {dateTime(event.created_at)}
                </time>
              </div>
              <p className="text-sm text-slate-600">
                {event.author_name ?? t("timeline.system")}
                {/* The assignee's own people: its name is already in the heading above. */}
                {authorOrganization && authorOrganization !== assignee ? `, ${authorOrganization}` : ""}
              </p>
              {event.from_status && event.to_status && !folded ? (
                <p className="mt-1 text-xs text-slate-600">
                  {t("timeline.statusChange", {
                    from: t(`status.${event.from_status as AssignmentStatus}`),
                    to: t(`status.${event.to_status as AssignmentStatus}`),
                  })}
                </p>
              ) : null}
              {event.from_deadline && event.to_deadline ? (
                <p className="mt-1 text-xs text-slate-600">{t("timeline.deadlineChange", { from: date(event.from_deadline), to: date(event.to_deadline) })}</p>
              ) : null}
              {event.body ? <p className="mt-2 whitespace-pre-line rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800">{event.body}</p> : null}
              {event.percent_complete !== null && event.kind !== "assigned" ? (
                <p className="mt-1 text-sm text-slate-700">{t("timeline.percent", { percent: event.percent_complete })}</p>
              ) : null}
              {event.targetValues.length ? (
                <ul className="mt-1 list-disc pl-5 text-sm text-slate-700">
                  {event.targetValues.map((value) => (
                    <li key={`${value.indicator}-${value.actual_value}`}>
                      {value.indicator}: {number(value.actual_value)} {value.unit ?? ""}
                    </li>
                  ))}
                </ul>
              ) : null}
              {event.files.length ? (
                <ul className="mt-2 flex flex-wrap gap-2">
                  {event.files.map((file) => (
                    <li key={file.id}>
                      <a
                        href={`/files/${file.id}`}
                        className="inline-flex items-center gap-1 rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-brand-800 hover:bg-brand-50"
                      >
                        <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="h-3.5 w-3.5">
                          <path d="M15.6 4.4a3.5 3.5 0 0 0-5 0L4.8 10.2a2.3 2.3 0 1 0 3.3 3.3l5-5-1-1-5 5a.9.9 0 1 1-1.3-1.3l5.8-5.8a2.1 2.1 0 0 1 3 3l-6.3 6.3a3.4 3.4 0 0 1-4.8-4.8l5.2-5.2-1-1-5.2 5.2a4.8 4.8 0 0 0 6.8 6.8l6.3-6.3a3.5 3.5 0 0 0 0-5z" />
                        </svg>
                        {file.original_name} <span className="text-slate-500">({formatBytes(file.size_bytes, number)})</span>
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
