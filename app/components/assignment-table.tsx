import { Link } from "@remix-run/react";
import { instructionCode } from "../domain/instructions";
import { isOverdue, daysOverdue } from "../domain/lifecycle";
import { organizationName } from "../domain/organizations";
import { useI18n } from "../i18n/use-i18n";
import type { AssignmentRow } from "../models/dashboard.server";
import { StatusBadge } from "./status-badge";


export function AssignmentTable({
  rows,
  today,
  showOrganization = true,
  caption,
}: {
  rows: AssignmentRow[];
  today: string;
  showOrganization?: boolean;
  caption: string;
}) {
  const { t, language, date } = useI18n();
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-2">{t("table.code")}</th>
            <th scope="col" className="px-4 py-2">{t("table.instruction")}</th>
            {showOrganization ? <th scope="col" className="px-4 py-2">{t("table.organization")}</th> : null}
            <th scope="col" className="px-4 py-2">{t("table.deadline")}</th>
            <th scope="col" className="px-4 py-2">{t("table.status")}</th>
            <th scope="col" className="px-4 py-2 text-right">{t("table.progress")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const overdue = isOverdue(row, today);
            return (
              <tr key={row.id} className={overdue ? "bg-red-50/40" : undefined}>
                <td className="whitespace-nowrap px-4 py-3 font-mono text-slate-700">{instructionCode(row.protocol_number, row.instruction_number)}</td>
                <td className="max-w-md px-4 py-3 text-slate-900">
                  <Link to={`/meetings/${row.meeting_id}#instruction-${row.instruction_number}`} className="line-clamp-2 hover:text-brand-800 hover:underline">
                    {row.instruction_text}
                  </Link>
                </td>
                {showOrganization ? (
                  <td className="min-w-48 px-4 py-3 text-slate-700">
                    {organizationName(
                      { name_kk: row.organization_name_kk, name_ru: row.organization_name_ru, name_en: row.organization_name_en },
                      language,
                    )}
                  </td>
                ) : null}
                <td className="whitespace-nowrap px-4 py-3">
                  {row.deadline ? (
                    <>
                      <span className={overdue ? "font-semibold text-red-800" : "text-slate-800"}>{date(row.deadline)}</span>
                      {overdue ? (
                        <span className="block text-xs text-red-700">{t("table.daysOverdue", { count: daysOverdue(row, today) })}</span>
                      ) : null}
                    </>
                  ) : (
                    <span className="text-slate-500">{t("table.noDeadline")}</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={row.status} overdue={overdue} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">
                  {row.percent_complete !== null ? `${row.percent_complete}%` : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
