import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AssignmentList } from "~/components/execution/assignment-list";
import { ExecutionMatrix } from "~/components/execution/matrix";
import { Timeline } from "~/components/execution/timeline";
import { StatusBadge } from "~/components/status-badge";
import { Badge } from "~/components/ui/badge";
import { PageHeader, linkButton } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { almatyDate } from "~/domain/calendar";
import { instructionCode } from "~/domain/instructions";
import { instructionStatus, isOverdue } from "~/domain/lifecycle";
import { useI18n } from "~/i18n/use-i18n";
import { getInstructionDetail, wantsWholeHistory } from "~/models/assignments.server";
import { notFound, requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const detail = await getInstructionDetail(getDb(), user, params.instructionId!, { wholeHistory: wantsWholeHistory(request) });
  if (!detail) throw notFound();
  return { ...detail, today: almatyDate() };
}

export default function InstructionPage() {
  const { instruction, assignments, targets, timeline, eventCount, assignedCount, allStatuses, ownOnly, today } = useLoaderData<typeof loader>();
  const { t, date, number } = useI18n();
  const code = instructionCode(instruction.protocol_number, instruction.number);
  const status = instructionStatus(allStatuses);
  const leads = allStatuses.filter((a) => a.role === "lead");
  const leadsDone = leads.filter((a) => a.status === "done").length;
  const overdue = assignments.some((a) => isOverdue(a, today));
  return (
    <>
      <PageHeader
        eyebrow={instruction.meeting_title}
        title={t("instructions.edit.title", { code })}
        actions={
          <Link to={`/meetings/${instruction.meeting_id}#instruction-${instruction.number}`} className={linkButton.secondary}>
            {t("execution.toMinutes")}
          </Link>
        }
      />
      <div className="space-y-6">
        <Panel>
          <div className="space-y-4 p-5">
            <div className="flex flex-wrap gap-2">
              {status === "done" ? <Badge tone="success">{t("minutes.removedFromControl")}</Badge> : status !== "none" ? <StatusBadge status={status} overdue={overdue} /> : null}
              {instruction.special_control ? <Badge tone="danger">{t("minutes.specialControl")}</Badge> : null}
            </div>
            <p className="whitespace-pre-line text-slate-900">{instruction.text}</p>
            <p className="text-sm text-slate-600">
              <strong>{t("minutes.deadline")}:</strong> {instruction.deadline ? date(instruction.deadline) : t("table.noDeadline")}
              {instruction.deadline_note ? ` (${instruction.deadline_note})` : ""}
              {instruction.issued_by_name ? ` · ${t("minutes.issuedBy")}: ${instruction.issued_by_name}` : ""}
            </p>
            <p className="text-sm font-medium text-slate-800" data-testid="leads-done">
              {t("minutes.leadsDone", { done: leadsDone, total: leads.length })}
            </p>
            {targets.length ? (
              <ul className="list-disc pl-5 text-sm text-slate-700">
                {targets.map((target) => (
                  <li key={target.id}>
                    {target.indicator}: {target.target_value !== null ? number(target.target_value) : "—"} {target.unit ?? ""}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </Panel>
        {/* Many assignees as tiles, each opening its assignment; a few as rows. The instruction is this page's, so
            neither repeats it. */}
        <Panel title={ownOnly ? t("execution.ownAssignment") : t("instructions.assignments.title")}>
          {assignments.length > 4 ? (
            <ExecutionMatrix rows={assignments} today={today} />
          ) : (
            <AssignmentList rows={assignments} today={today} showOrganization showInstruction={false} caption={t("instructions.assignments.title")} />
          )}
        </Panel>
        <Panel title={t("timeline.title")}>
          <Timeline events={timeline} total={eventCount} assignedCount={assignedCount} assignees={assignments} />
        </Panel>
      </div>
    </>
  );
}
