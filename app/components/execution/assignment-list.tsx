import { Link } from "@remix-run/react";
import { instructionCode } from "../../domain/instructions";
import { daysOverdue, isOverdue } from "../../domain/lifecycle";
import { organizationNameOf } from "../../i18n/labels";
import { useI18n } from "../../i18n/use-i18n";
import { StatusBadge } from "../status-badge";
import { TableScroller } from "../ui/table-scroller";

/** One assignment as its organization sees it done: no word of the instruction (shown on the instruction's own page). */
export interface AssignmentRow {
  id: string;
  status: string;
  deadline: string | null;
  percent_complete: number | null;
  organization_name_kk: string;
  organization_name_ru: string;
  organization_name_en: string;
  last_report_at: string | null;
}

export interface AssignmentListRow extends AssignmentRow {
  protocol_number: string | null;
  instruction_number: string;
  instruction_text: string;
  special_control: number;
}

/** An assignment's instruction as two cells, its code and its text; the text opens the assignment. */
export function InstructionCells({ row }: { row: { id: string; protocol_number: string | null; instruction_number: string; instruction_text: string } }) {
  return (
    <>
      <td className="whitespace-nowrap px-4 py-3 font-mono text-slate-700">{instructionCode(row.protocol_number, row.instruction_number)}</td>
      <td className="max-w-md px-4 py-3">
        <Link to={`/assignments/${row.id}`} className="line-clamp-2 text-brand-800 hover:underline">
          {row.instruction_text}
        </Link>
      </td>
    </>
  );
}

/**
 * Assignments as rows that open the assignment page: code, instruction, organization, deadline, status. On one
 * instruction's own page (`showInstruction` false) the rows do not repeat it: the organization opens the assignment.
 */
export function AssignmentList({
  rows,
  today,
  showOrganization,
  showInstruction = true,
  caption,
}: {
  today: string;
  showOrganization: boolean;
  caption: string;
} & ({ rows: AssignmentListRow[]; showInstruction?: true } | { rows: AssignmentRow[]; showInstruction: false })) {
  const { t, language, date } = useI18n();
  return (
    <TableScroller>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {showInstruction ? (
              <>
                <th scope="col" className="px-4 py-2">{t("table.code")}</th>
                <th scope="col" className="px-4 py-2">{t("table.instruction")}</th>
              </>
            ) : null}
            {showOrganization ? <th scope="col" className="px-4 py-2">{t("table.organization")}</th> : null}
            <th scope="col" className="px-4 py-2">{t("table.deadline")}</th>
            <th scope="col" className="px-4 py-2">{t("table.status")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("table.progress")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {(rows as (AssignmentRow | AssignmentListRow)[]).map((row) => {
            const overdue = isOverdue(row, today);
            return (
              <tr key={row.id} className={overdue ? "bg-red-50/40" : undefined} data-testid="assignment-row">
                {showInstruction ? <InstructionCells row={row as AssignmentListRow} /> : null}
                {showInstruction && showOrganization ? <td className="min-w-48 px-4 py-3 text-slate-700">{organizationNameOf(row, language)}</td> : null}
                {showInstruction ? null : (
                  <td className="min-w-48 px-4 py-3">
                    <Link to={`/assignments/${row.id}`} className="font-medium text-brand-800 hover:underline">
                      {organizationNameOf(row, language)}
                    </Link>
                  </td>
                )}
                <td className="whitespace-nowrap px-4 py-3">
                  {row.deadline ? <span className={overdue ? "font-semibold text-red-800" : "text-slate-800"}>{date(row.deadline)}</span> : <span className="text-slate-500">{t("table.noDeadline")}</span>}
                  {overdue ? <span className="block text-xs text-red-700">{t("table.daysOverdue", { count: daysOverdue(row, today) })}</span> : null}
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={row.status} overdue={overdue} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">{row.percent_complete !== null ? `${row.percent_complete}%` : "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}
