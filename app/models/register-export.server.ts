import ExcelJS from "exceljs";
import { instructionCode } from "../domain/instructions";
import { isOverdue, type AssignmentStatus } from "../domain/lifecycle";
import { isoToAlmatyWallClock } from "../domain/calendar";
import type { Language } from "../i18n";
import { translator } from "../i18n/catalogues";
import { organizationNameOf } from "../i18n/labels";
import type { RegisterRow } from "./register.server";

/** One record per register row, typed: strings, numbers, calendar dates and booleans, in the reader's language. */
function records(rows: RegisterRow[], language: Language, today: string) {
  const t = translator(language);
  return rows.map((row) => ({
    code: instructionCode(row.protocol_number, row.instruction_number),
    instruction: row.instruction_text,
    organization: organizationNameOf(row, language),
    role: t(`assignmentRole.${row.role as "lead" | "co_executor"}`),
    deadline: row.deadline,
    initialDeadline: row.initial_deadline,
    status: t(`status.${row.status as AssignmentStatus}`),
    overdue: isOverdue(row, today),
    percent: row.percent_complete,
    lastReport: row.last_report_at ? isoToAlmatyWallClock(row.last_report_at).date : null,
    meeting: row.meeting_title,
    meetingDate: isoToAlmatyWallClock(row.held_at).date,
  }));
}

function headers(language: Language) {
  const t = translator(language);
  return [
    { key: "code", header: t("table.code"), width: 10 },
    { key: "instruction", header: t("table.instruction"), width: 70 },
    { key: "organization", header: t("table.organization"), width: 40 },
    { key: "role", header: t("instructions.assignments.role"), width: 22 },
    { key: "deadline", header: t("table.deadline"), width: 14 },
    { key: "initialDeadline", header: t("register.column.initialDeadline"), width: 14 },
    { key: "status", header: t("table.status"), width: 18 },
    { key: "overdue", header: t("status.overdue"), width: 12 },
    { key: "percent", header: t("table.progress"), width: 12 },
    { key: "lastReport", header: t("execution.lastReport"), width: 14 },
    { key: "meeting", header: t("table.meeting"), width: 50 },
    { key: "meetingDate", header: t("register.column.meetingDate"), width: 14 },
  ] as const;
}

const asDate = (value: string | null) => (value ? new Date(`${value}T00:00:00Z`) : null);

export async function registerXlsx(rows: RegisterRow[], language: Language, today: string): Promise<Buffer> {
  const t = translator(language);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tapsyrma";
  const sheet = workbook.addWorksheet(t("register.title"), { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = headers(language);
  sheet.columns = columns.map((column) => ({ key: column.key, header: column.header, width: column.width }));
  for (const record of records(rows, language, today)) {
    sheet.addRow({
      ...record,
      deadline: asDate(record.deadline),
      initialDeadline: asDate(record.initialDeadline),
      lastReport: asDate(record.lastReport),
      meetingDate: asDate(record.meetingDate),
      overdue: record.overdue ? t("table.yes") : t("table.no"),
      percent: record.percent === null ? null : record.percent / 100,
    });
  }
  for (const key of ["deadline", "initialDeadline", "lastReport", "meetingDate"]) sheet.getColumn(key).numFmt = "dd.mm.yyyy";
  sheet.getColumn("percent").numFmt = "0%";
  sheet.getColumn("instruction").alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a BOM, so Excel opens Kazakh text as Kazakh. */
export function registerCsv(rows: RegisterRow[], language: Language, today: string): string {
  const t = translator(language);
  const columns = headers(language);
  const lines = [columns.map((column) => csvField(column.header)).join(",")];
  for (const record of records(rows, language, today)) {
    const values: Record<string, string | number | null> = { ...record, overdue: record.overdue ? t("table.yes") : t("table.no") };
    lines.push(columns.map((column) => csvField(values[column.key])).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
