import { Link } from "@remix-run/react";
import type { MeetingKind } from "../../domain/organizations";
import { useI18n } from "../../i18n/use-i18n";
import type { getSecretariatDashboard } from "../../models/dashboard.server";
import { Badge } from "../ui/badge";
import { EmptyState, Panel, Stat } from "../ui/panel";

type Data = Awaited<ReturnType<typeof getSecretariatDashboard>>;
type MeetingRow = Data["recent"][number];

function MeetingList({ meetings, empty }: { meetings: MeetingRow[]; empty: string }) {
  const { t, dateTime } = useI18n();
  if (!meetings.length) return <EmptyState>{empty}</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="flex flex-wrap items-start justify-between gap-3 px-5 py-4">
          <div className="min-w-0">
            <Link
              to={meeting.status === "draft" ? `/meetings/${meeting.id}/edit` : `/meetings/${meeting.id}`}
              className="font-medium text-brand-800 hover:underline"
            >
              {meeting.title}
            </Link>
            <p className="mt-1 text-sm text-slate-600">
              {t(`meetingKind.${meeting.kind as MeetingKind}`)} · {dateTime(meeting.held_at)}
              {meeting.chair_name ? ` · ${t("table.chair")}: ${meeting.chair_name}` : ""}
            </p>
          </div>
          <div className="flex shrink-0 items-center gap-2">
            {meeting.protocol_number ? <span className="font-mono text-sm text-slate-600">№ {meeting.protocol_number}</span> : null}
            <Badge tone={meeting.status === "published" ? "success" : "warning"}>
              {t(meeting.status === "published" ? "meetingStatus.published" : "meetingStatus.draft")}
            </Badge>
          </div>
        </li>
      ))}
    </ul>
  );
}

export function SecretariatDashboard({ data }: { data: Data }) {
  const { t, number } = useI18n();
  return (
    <>
      <p className="-mt-6 text-slate-600">{t("dashboard.secretariat.lead")}</p>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("dashboard.stat.meetings")} value={number(data.totals.meetings)} tone="info" />
        <Stat label={t("dashboard.stat.drafts")} value={number(data.totals.drafts)} tone="warning" />
        <Stat label={t("dashboard.stat.instructions")} value={number(data.totals.instructions)} tone="neutral" />
        <Stat label={t("dashboard.stat.assignments")} value={number(data.totals.assignments)} tone="neutral" />
      </dl>
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title={t("dashboard.secretariat.drafts")}>
          <MeetingList meetings={data.drafts} empty={t("dashboard.secretariat.draftsEmpty")} />
        </Panel>
        <Panel title={t("dashboard.secretariat.recent")}>
          <MeetingList meetings={data.recent} empty={t("dashboard.secretariat.recentEmpty")} />
        </Panel>
      </div>
    </>
  );
}
