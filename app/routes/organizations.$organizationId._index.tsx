import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssignmentList } from "~/components/execution/assignment-list";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { EmptyState, Panel, Stat } from "~/components/ui/panel";
import { addMonths, almatyDate } from "~/domain/calendar";
import { organizationName } from "~/domain/organizations";
import { canForOrganization } from "~/domain/permissions";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/use-i18n";
import { getDiscipline } from "~/models/dashboard.server";
import { listOrganizationAssignments } from "~/models/assignments.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

// An organization's page: its assignments and its execution discipline over the last twelve months.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const organizationId = params.organizationId!;
  // An assignee sees their own organization's page only.
  if (!canForOrganization(user, "instructions.read", organizationId)) throw notFound();
  const db = getDb();
  const organization = await db.selectFrom("organizations").selectAll().where("id", "=", organizationId).executeTakeFirst();
  if (!organization) throw notFound();
  const today = almatyDate();
  const [assignments, discipline] = await Promise.all([
    listOrganizationAssignments(db, user, { includeClosed: true, organizationId }),
    getDiscipline(db, today, addMonths(today, -12), today, organizationId),
  ]);
  return { organization, assignments, discipline: discipline[0] ?? null, today };
}

export default function OrganizationPage() {
  const { organization, assignments, discipline, today } = useLoaderData<typeof loader>();
  const { t, language, number } = useI18n();
  const name = organizationName(organization, language);
  return (
    <>
      <PageHeader
        eyebrow={t(`organizationKind.${organization.kind}` as MessageKey)}
        title={name}
        actions={
          <Link to={`/instructions?organization=${organization.id}`} className={linkButton.secondary}>
            {t("organization.inRegister")}
          </Link>
        }
      />
      <div className="space-y-6">
        <section aria-label={t("discipline.title")}>
          <p className="mb-3 text-sm text-slate-600">{t("organization.disciplineLead")}</p>
          <dl className="grid grid-cols-2 gap-4 md:grid-cols-5">
            <Stat label={t("discipline.due")} value={number(discipline?.due ?? 0)} />
            <Stat
              label={t("discipline.onTime")}
              value={discipline?.onTimePercent === null || !discipline ? "—" : `${number(discipline.onTimePercent)}%`}
              tone="success"
            />
            <Stat label={t("discipline.late")} value={number(discipline?.late ?? 0)} tone="warning" />
            <Stat label={t("dashboard.stat.overdue")} value={number(discipline?.overdue ?? 0)} tone="danger" href={`/instructions?organization=${organization.id}&overdue=1`} />
            <Stat label={t("discipline.extensions")} value={number(discipline?.extensions ?? 0)} tone="info" />
          </dl>
        </section>
        <Panel title={t("organization.assignments", { count: assignments.length })}>
          {assignments.length ? (
            <AssignmentList rows={assignments} today={today} showOrganization={false} caption={t("organization.assignments", { count: assignments.length })} />
          ) : (
            <EmptyState>{t("execution.list.empty")}</EmptyState>
          )}
        </Panel>
      </div>
    </>
  );
}
