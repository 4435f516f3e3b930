import { addDays } from "../../domain/calendar";
import { useI18n } from "../../i18n/use-i18n";
import { Form, Link } from "@remix-run/react";
import { organizationName } from "../../domain/organizations";
import type { getControllerDashboard, getDiscipline, getMonthlyTrend } from "../../models/dashboard.server";
import { TrendChart } from "./trend-chart";
import { AssignmentList } from "../execution/assignment-list";
import { EmptyState, Panel, Stat } from "../ui/panel";
import { TableScroller } from "../ui/table-scroller";

type Data = Awaited<ReturnType<typeof getControllerDashboard>> & {
  discipline: Awaited<ReturnType<typeof getDiscipline>>;
  trend: Awaited<ReturnType<typeof getMonthlyTrend>>;
  disciplineTotal: number;
  period: { from: string; to: string };
};

function DisciplineTable({ rows, total, period }: { rows: Data["discipline"]; total: number; period: Data["period"] }) {
  const { t, language, number } = useI18n();
  const cell = "px-4 py-2";
  return (
    <>
      <Form method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-3">
        <label className="text-sm text-slate-700">
          {t("discipline.from")}
          <input type="date" name="from" defaultValue={period.from} className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <label className="text-sm text-slate-700">
          {t("discipline.to")}
          <input type="date" name="to" defaultValue={period.to} className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-sm" />
        </label>
        <button type="submit" className="rounded-md px-3 py-1 text-sm font-medium text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
          {t("meetings.filter.apply")}
        </button>
        <span className="ml-auto flex gap-3 text-sm">
          <a href={`/discipline.xlsx?from=${period.from}&to=${period.to}`} className="font-medium text-brand-700 hover:underline">
            XLSX
          </a>
          <a href={`/discipline.csv?from=${period.from}&to=${period.to}`} className="font-medium text-brand-700 hover:underline">
            CSV
          </a>
        </span>
      </Form>
      {rows.length === 0 ? (
        <EmptyState>{t("discipline.empty")}</EmptyState>
      ) : (
        <TableScroller>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("discipline.title")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className={cell}>{t("table.organization")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("discipline.due")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("discipline.onTime")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("discipline.late")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("dashboard.stat.overdue")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("discipline.averageDelay")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("discipline.extensions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.id}>
                  <td className={`${cell} text-slate-900`}>
                    <Link to={`/instructions?organization=${row.id}`} className="hover:text-brand-800 hover:underline">
                      {organizationName(row, language)}
                    </Link>
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{number(row.due)}</td>
                  <td className={`${cell} text-right tabular-nums font-semibold ${row.onTimePercent !== null && row.onTimePercent < 50 ? "text-red-800" : "text-slate-900"}`}>
                    {row.onTimePercent === null ? "—" : `${number(row.onTimePercent)}%`}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{number(row.late)}</td>
                  <td className={`${cell} text-right tabular-nums`}>
                    {row.overdue ? (
                      <Link to={`/instructions?organization=${row.id}&overdue=1`} className="font-semibold text-red-800 hover:underline">
                        {number(row.overdue)}
                      </Link>
                    ) : (
                      "0"
                    )}
                  </td>
                  <td className={`${cell} text-right tabular-nums`}>{row.averageDelayDays === null ? "—" : number(row.averageDelayDays)}</td>
                  <td className={`${cell} text-right tabular-nums`}>{number(row.extensions)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {total > rows.length ? (
            <p className="border-t border-slate-200 px-5 py-3 text-sm text-slate-600">
              {t("discipline.shownOf", { shown: number(rows.length), total: number(total) })}
            </p>
          ) : null}
        </TableScroller>
      )}
    </>
  );
}

export function ControllerDashboard({ data, today }: { data: Data; today: string }) {
  const { t, number } = useI18n();
  const { totals } = data;
  const onTimePercent = totals.done > 0 ? Math.round((totals.doneOnTime / totals.done) * 100) : null;
  return (
    <>
      <p className="-mt-6 text-slate-600">{t("dashboard.controller.lead")}</p>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4 xl:grid-cols-7">
        <Stat label={t("dashboard.stat.open")} value={number(totals.open)} tone="info" href="/instructions?open=1" />
        <Stat label={t("dashboard.stat.overdue")} value={number(totals.overdue)} tone="danger" href="/instructions?overdue=1" />
        <Stat label={t("dashboard.stat.dueSoon")} value={number(totals.dueSoon)} tone="warning" href={`/instructions?open=1&from=${today}&to=${addDays(today, 7)}`} />
        <Stat label={t("dashboard.stat.awaitingReview")} value={number(totals.awaitingReview)} tone="warning" href="/review" />
        <Stat label={t("dashboard.stat.done")} value={number(totals.done)} tone="success" href="/instructions?status=done" />
        <Stat label={t("dashboard.stat.doneOnTime")} value={onTimePercent === null ? "—" : `${number(onTimePercent)}%`} tone="success" />
        <Stat label={t("dashboard.stat.doneLate")} value={number(totals.doneLate)} tone="warning" href="/instructions?late=1" />
      </dl>
      <Panel title={t("dashboard.awaitingReview.title")}>
        {data.awaitingReview.length ? (
          <AssignmentList rows={data.awaitingReview} today={today} showOrganization caption={t("dashboard.awaitingReview.title")} />
        ) : (
          <EmptyState>{t("dashboard.awaitingReview.empty")}</EmptyState>
        )}
      </Panel>
      <Panel title={t("trend.title")}>
        <TrendChart points={data.trend} />
      </Panel>
      <Panel title={t("discipline.title")}>
        <DisciplineTable rows={data.discipline} total={data.disciplineTotal} period={data.period} />
      </Panel>
      <Panel title={t("dashboard.overdue.title")}>
        {data.overdue.length ? (
          <AssignmentList rows={data.overdue} today={today} showOrganization caption={t("dashboard.overdue.title")} />
        ) : (
          <EmptyState>{t("dashboard.overdue.empty")}</EmptyState>
        )}
      </Panel>
    </>
  );
}
