import { organizationName } from "../../domain/organizations";
import { useI18n } from "../../i18n/use-i18n";
import type { AssignmentRow } from "../../models/dashboard.server";
import { AssignmentList } from "../execution/assignment-list";
import { EmptyState, Panel } from "../ui/panel";

interface Data {
  assignments: AssignmentRow[];
  organization: { name_kk: string; name_ru: string; name_en: string };
}

export function AssigneeDashboard({ data, today }: { data: Data; today: string }) {
  const { t, language } = useI18n();
  return (
    <>
      <p className="-mt-6 text-slate-600">
        {t("dashboard.assignee.lead", { organization: organizationName(data.organization, language) })}
      </p>
      <Panel title={t("dashboard.assignee.title")}>
        {data.assignments.length ? (
          <AssignmentList rows={data.assignments} today={today} showOrganization={false} caption={t("dashboard.assignee.title")} />
        ) : (
          <EmptyState>{t("dashboard.assignee.empty")}</EmptyState>
        )}
      </Panel>
    </>
  );
}
