import type { MouseEvent } from "react";
import { useNavigate } from "@remix-run/react";
import { isoToAlmatyWallClock } from "../../domain/calendar";
import { daysOverdue, isOverdue } from "../../domain/lifecycle";
import type { AssignmentStatus } from "../../domain/lifecycle";
import { organizationNameOf } from "../../i18n/labels";
import { useI18n } from "../../i18n/use-i18n";
import type { AssignmentRow } from "./assignment-list";

const TILE: Record<AssignmentStatus | "overdue", string> = {
  assigned: "border-slate-300 bg-white",
  in_progress: "border-brand-300 bg-brand-50",
  reported: "border-accent-400 bg-accent-100",
  done: "border-emerald-300 bg-emerald-50",
  cancelled: "border-slate-200 bg-slate-100 text-slate-500",
  overdue: "border-red-300 bg-red-50",
};

/**
 * Many assignees at a glance: one tile per organization, coloured by state, each opening its assignment.
 * The tiles are plain links with one click handler on the list that navigates in the app: a `Link` per tile
 * resolved its path and router state on every server render, and plain ones serve the page ~9 % faster (decision 023).
 */
export function ExecutionMatrix({ rows, today }: { rows: AssignmentRow[]; today: string }) {
  const { t, language, date } = useI18n();
  const navigate = useNavigate();
  const openInApp = (event: MouseEvent<HTMLUListElement>) => {
    // What a browser would open elsewhere (a new tab or window, a download) stays the browser's.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a[data-tile]");
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute("href")!);
  };
  return (
    // The links stay the interactive elements: Enter on a focused link fires this click too.
    <ul className="grid gap-3 p-5 sm:grid-cols-2 lg:grid-cols-4" data-testid="execution-matrix" aria-label={t("execution.matrix")} onClick={openInApp}>
      {rows.map((row) => {
        const overdue = isOverdue(row, today);
        const tone = overdue ? TILE.overdue : TILE[row.status as AssignmentStatus];
        return (
          <li key={row.id}>
            {/* data-discover: Remix fetches the route ahead of the click, as it does for its own links. */}
            <a
              href={`/assignments/${row.id}`}
              className={`block h-full rounded-lg border-2 p-3 hover:shadow ${tone}`}
              data-status={overdue ? "overdue" : row.status}
              data-tile=""
              data-discover="true"
            >
              <p className="line-clamp-2 text-sm font-semibold text-slate-900">{organizationNameOf(row, language)}</p>
              <p className="mt-1 text-xs font-medium text-slate-700">
                {overdue ? t("status.overdue") : t(`status.${row.status as AssignmentStatus}`)}
                {row.percent_complete !== null ? ` · ${row.percent_complete}%` : ""}
              </p>
              <dl className="mt-2 space-y-0.5 text-xs text-slate-600">
                <div className="flex justify-between gap-2">
                  <dt>{t("table.deadline")}</dt>
                  <dd className={overdue ? "text-right font-semibold text-red-800" : ""}>
                    {row.deadline ? date(row.deadline) : "—"}
                    {overdue ? <span className="block font-medium text-red-700">{t("table.daysOverdue", { count: daysOverdue(row, today) })}</span> : null}
                  </dd>
                </div>
                <div className="flex justify-between gap-2">
                  <dt>{t("execution.lastReport")}</dt>
                  {/* A moment, not a date: the Almaty day it fell on, not the UTC one. */}
                  <dd>{row.last_report_at ? date(isoToAlmatyWallClock(row.last_report_at).date) : "—"}</dd>
                </div>
              </dl>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
