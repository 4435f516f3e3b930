import type { ReactNode } from "react";
import { StatusBadge } from "~/components/status-badge";
import { InstructionCells } from "~/components/execution/assignment-list";
import { daysOverdue, isOverdue } from "~/domain/lifecycle";
import { organizationNameOf } from "~/i18n/labels";
import { useI18n } from "~/i18n/use-i18n";
import type { RegisterRow } from "~/models/register.server";
import type { RegisterFilters } from "~/schemas/register";
import { TableScroller } from "./ui/table-scroller";

type Row = Pick<
  RegisterRow,
  | "id"
  | "status"
  | "deadline"
  | "percent_complete"
  | "protocol_number"
  | "instruction_number"
  | "instruction_text"
  | "organization_name_kk"
  | "organization_name_ru"
  | "organization_name_en"
>;

/** The register's rows: one per assignment, overdue ones marked. `header` makes a column sortable. */
export function RegisterTable({
  rows,
  today,
  header,
}: {
  rows: Row[];
  today: string;
  header?: (label: string, sort: RegisterFilters["sort"]) => ReactNode;
}) {
  const { t, language, date } = useI18n();
  const column = (label: string, sort: RegisterFilters["sort"]) =>
    header ? (
      header(label, sort)
    ) : (
      <th scope="col" className="px-4 py-2">
        {label}
      </th>
    );
  return (
    <TableScroller>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="register">
        <caption className="sr-only">{t("register.title")}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            {column(t("table.code"), "code")}
            <th scope="col" className="px-4 py-2">
              {t("table.instruction")}
            </th>
            {column(t("table.organization"), "organization")}
            {column(t("table.deadline"), "deadline")}
            {column(t("table.status"), "status")}
            <th scope="col" className="px-4 py-2 text-right">
              {t("table.progress")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => {
            const late = isOverdue(row, today);
            return (
              <tr key={row.id} className={late ? "bg-red-50/40" : undefined} data-testid="register-row" data-assignment={row.id}>
                <InstructionCells row={row} />
                <td className="min-w-48 px-4 py-3 text-slate-700">{organizationNameOf(row, language)}</td>
                <td className="whitespace-nowrap px-4 py-3">
                  {row.deadline ? <span className={late ? "font-semibold text-red-800" : "text-slate-800"}>{date(row.deadline)}</span> : "—"}
                  {late ? <span className="block text-xs text-red-700">{t("table.daysOverdue", { count: daysOverdue(row, today) })}</span> : null}
                </td>
                <td className="px-4 py-3">
                  <StatusBadge status={row.status} overdue={late} />
                </td>
                <td className="whitespace-nowrap px-4 py-3 text-right tabular-nums text-slate-700">
                  {row.percent_complete !== null ? `${row.percent_complete}%` : "—"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroller>
  );
}
