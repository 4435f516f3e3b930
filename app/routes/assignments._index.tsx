import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssignmentList } from "~/components/execution/assignment-list";
import { PageHeader } from "~/components/ui/page-header";
import { EmptyState, Panel } from "~/components/ui/panel";
import { almatyDate } from "~/domain/calendar";
import { scopeOf } from "~/domain/permissions";
import { useI18n } from "~/i18n/use-i18n";
import { listOrganizationAssignments } from "~/models/assignments.server";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const includeClosed = new URL(request.url).searchParams.get("closed") === "1";
  const rows = await listOrganizationAssignments(getDb(), user, { includeClosed });
  return { rows, includeClosed, today: almatyDate(), ownOnly: scopeOf(user, "instructions.read") === "own_organization" };
}

export default function AssignmentsPage() {
  const { rows, includeClosed, today, ownOnly } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const title = ownOnly ? t("execution.list.ownTitle") : t("execution.list.allTitle");
  return (
    <>
      <PageHeader
        title={title}
        lead={t("execution.list.lead")}
        actions={
          <Link to={includeClosed ? "/assignments" : "/assignments?closed=1"} className="text-sm font-medium text-brand-700 hover:underline">
            {includeClosed ? t("execution.list.openOnly") : t("execution.list.withClosed")}
          </Link>
        }
      />
      <Panel>{rows.length ? <AssignmentList rows={rows} today={today} showOrganization={!ownOnly} caption={title} /> : <EmptyState>{t("execution.list.empty")}</EmptyState>}</Panel>
    </>
  );
}
