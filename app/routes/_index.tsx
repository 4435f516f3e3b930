import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminDashboard } from "~/components/dashboards/admin-dashboard";
import { AssigneeDashboard } from "~/components/dashboards/assignee-dashboard";
import { ControllerDashboard } from "~/components/dashboards/controller-dashboard";
import { SecretariatDashboard } from "~/components/dashboards/secretariat-dashboard";
import { almatyDate } from "~/domain/calendar";
import { useI18n } from "~/i18n/use-i18n";
import {
  getAdminDashboard,
  getAssigneeDashboard,
  disciplinePeriod,
  getControllerOverview,
  getSecretariatDashboard,
} from "~/models/dashboard.server";
import { forbidden, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "dashboard.view");
  const db = getDb();
  const today = almatyDate();
  const base = { today, displayName: user.displayName };
  switch (user.role) {
    case "controller": {
      const { from, to } = disciplinePeriod(new URL(request.url).searchParams, today);
      return { ...base, view: "controller" as const, controller: await getControllerOverview(db, today, from, to) };
    }
    case "assignee": {
      if (!user.organizationId) throw forbidden();
      return {
        ...base,
        view: "assignee" as const,
        assignee: {
          ...(await getAssigneeDashboard(db, user.organizationId)),
          organization: user.organizationNames ?? { name_kk: "", name_ru: "", name_en: "" },
        },
      };
    }
    case "secretariat":
      return { ...base, view: "secretariat" as const, secretariat: await getSecretariatDashboard(db) };
    case "admin":
      return { ...base, view: "admin" as const, admin: await getAdminDashboard(db) };
  }
}

export default function DashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { t, date } = useI18n();
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("dashboard.greeting", { name: data.displayName })}</h1>
        </div>
        <p className="text-sm text-slate-500">{t("dashboard.asOf", { date: date(data.today) })}</p>
      </div>
      {data.view === "controller" ? <ControllerDashboard data={data.controller} today={data.today} /> : null}
      {data.view === "assignee" ? <AssigneeDashboard data={data.assignee} today={data.today} /> : null}
      {data.view === "secretariat" ? <SecretariatDashboard data={data.secretariat} /> : null}
      {data.view === "admin" ? <AdminDashboard data={data.admin} /> : null}
    </div>
  );
}
