import { addDays } from "../../domain/calendar";
import { useI18n } from "../../i18n/use-i18n";
import type { getControllerDashboard } from "../../models/dashboard.server";
import { AssignmentTable } from "../assignment-table";
import { EmptyState, Panel, Stat } from "../ui/panel";

type Data = Awaited<ReturnType<typeof getControllerDashboard>>;

export function ControllerDashboard({ data, today }: { data: Data; today: string }) {
  const { t, number } = useI18n();
  const { totals } = data;
  const onTimePercent = totals.done > 0 ? Math.round((totals.doneOnTime / totals.done) * 100) : null;
  return (
    <>
      <p className="-mt-6 text-slate-600">{t("dashboard.controller.lead")}</p>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6">
        <Stat label={t("dashboard.stat.open")} value={number(totals.open)} tone="info" href="/instructions?open=1" />
        <Stat label={t("dashboard.stat.overdue")} value={number(totals.overdue)} tone="danger" href="/instructions?overdue=1" />
        <Stat label={t("dashboard.stat.dueSoon")} value={number(totals.dueSoon)} tone="warning" href={`/instructions?open=1&from=${today}&to=${addDays(today, 7)}`} />
        <Stat label={t("dashboard.stat.awaitingReview")} value={number(totals.awaitingReview)} tone="warning" href="/review" />
        <Stat label={t("dashboard.stat.done")} value={number(totals.done)} tone="success" href="/instructions?status=done" />
        <Stat label={t("dashboard.stat.doneOnTime")} value={onTimePercent === null ? "—" : `${number(onTimePercent)}%`} tone="success" />
      </dl>
      <Panel title={t("dashboard.awaitingReview.title")}>
        {data.awaitingReview.length ? (
          <AssignmentTable rows={data.awaitingReview} today={today} caption={t("dashboard.awaitingReview.title")} />
        ) : (
          <EmptyState>{t("dashboard.awaitingReview.empty")}</EmptyState>
        )}
      </Panel>
      <Panel title={t("dashboard.overdue.title")}>
        {data.overdue.length ? (
          <AssignmentTable rows={data.overdue} today={today} caption={t("dashboard.overdue.title")} />
        ) : (
          <EmptyState>{t("dashboard.overdue.empty")}</EmptyState>
        )}
      </Panel>
    </>
  );
}
