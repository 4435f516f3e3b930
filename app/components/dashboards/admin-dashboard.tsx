import { isRole } from "../../domain/permissions";
import { organizationName } from "../../domain/organizations";
import { useI18n } from "../../i18n/use-i18n";
import type { getAdminDashboard } from "../../models/dashboard.server";
import { Badge } from "../ui/badge";
import { Panel, Stat } from "../ui/panel";
import { TableScroller } from "../ui/table-scroller";

type Data = Awaited<ReturnType<typeof getAdminDashboard>>;

export function AdminDashboard({ data }: { data: Data }) {
  const { t, number, language } = useI18n();
  return (
    <>
      <p className="-mt-6 text-slate-600">{t("dashboard.admin.lead")}</p>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("dashboard.stat.users")} value={number(data.totals.activeUsers)} tone="info" />
        <Stat label={t("dashboard.stat.organizations")} value={number(data.totals.organizations)} tone="neutral" />
      </dl>
      <Panel title={t("dashboard.admin.users")}>
        <TableScroller>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t("dashboard.admin.users")}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2">{t("table.login")}</th>
                <th scope="col" className="px-4 py-2">{t("table.name")}</th>
                <th scope="col" className="px-4 py-2">{t("table.role")}</th>
                <th scope="col" className="px-4 py-2">{t("table.organization")}</th>
                <th scope="col" className="px-4 py-2">{t("table.active")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.users.map((user) => (
                <tr key={user.id}>
                  <td className="whitespace-nowrap px-4 py-3 font-mono text-slate-700">{user.login}</td>
                  <td className="px-4 py-3 text-slate-900">{user.display_name}</td>
                  <td className="px-4 py-3 text-slate-700">{isRole(user.role) ? t(`role.${user.role}`) : user.role}</td>
                  <td className="px-4 py-3 text-slate-700">
                    {user.organization_name_kk
                      ? organizationName(
                          { name_kk: user.organization_name_kk, name_ru: user.organization_name_ru ?? "", name_en: user.organization_name_en ?? "" },
                          language,
                        )
                      : "—"}
                  </td>
                  <td className="px-4 py-3">
                    <Badge tone={user.is_active ? "success" : "neutral"}>{user.is_active ? t("table.yes") : t("table.no")}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroller>
      </Panel>
    </>
  );
}
