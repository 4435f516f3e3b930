import ExcelJS from "exceljs";
import { instructionCode } from "../domain/instructions";
import { isOverdue, type AssignmentStatus } from "../domain/lifecycle";
import { isoToAlmatyWallClock } from "../domain/calendar";
import type { Language } from "../i18n";
import { translator } from "../i18n/catalogues";
import { organizationNameOf } from "../i18n/labels";
import { organizationName } from "../domain/organizations";
import type { getDiscipline } from "./dashboard.server";
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

type Cell = string | number | Date | null;
interface Column {
  key: string;
  header: string;
  width: number;
  /** Excel number format for the column, e.g. dates or percentages. */
  numFmt?: string;
  wrap?: boolean;
}

/** A typed sheet: a bold header row, filters on, frozen header, column widths and formats. */
async function toXlsx(sheetName: string, columns: Column[], rows: Record<string, Cell>[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Tapsyrma";
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ key: column.key, header: column.header, width: column.width }));
  for (const row of rows) sheet.addRow(row);
  for (const column of columns) {
    if (column.numFmt) sheet.getColumn(column.key).numFmt = column.numFmt;
    if (column.wrap) sheet.getColumn(column.key).alignment = { wrapText: true, vertical: "top" };
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: Cell): string {
  if (value === null) return "";
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a BOM, so Excel opens Kazakh text as Kazakh. */
function toCsv(columns: Column[], rows: Record<string, Cell>[]): string {
  const lines = [columns.map((column) => csvField(column.header)).join(",")];
  for (const row of rows) lines.push(columns.map((column) => csvField(row[column.key] ?? null)).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const DATE_COLUMNS = new Set(["deadline", "initialDeadline", "lastReport", "meetingDate"]);

function registerColumns(language: Language): Column[] {
  return headers(language).map((column) => ({
    ...column,
    numFmt: DATE_COLUMNS.has(column.key) ? "dd.mm.yyyy" : column.key === "percent" ? "0%" : undefined,
    wrap: column.key === "instruction",
  }));
}

function registerCells(rows: RegisterRow[], language: Language, today: string, forCsv: boolean): Record<string, Cell>[] {
  const t = translator(language);
  return records(rows, language, today).map((record) => ({
    ...record,
    deadline: forCsv ? record.deadline : asDate(record.deadline),
    initialDeadline: forCsv ? record.initialDeadline : asDate(record.initialDeadline),
    lastReport: forCsv ? record.lastReport : asDate(record.lastReport),
    meetingDate: forCsv ? record.meetingDate : asDate(record.meetingDate),
    overdue: record.overdue ? t("table.yes") : t("table.no"),
    percent: record.percent === null ? null : forCsv ? record.percent : record.percent / 100,
  }));
}

export function registerXlsx(rows: RegisterRow[], language: Language, today: string): Promise<Buffer> {
  return toXlsx(translator(language)("register.title"), registerColumns(language), registerCells(rows, language, today, false));
}

export function registerCsv(rows: RegisterRow[], language: Language, today: string): string {
  return toCsv(registerColumns(language), registerCells(rows, language, today, true));
}

type DisciplineRow = Awaited<ReturnType<typeof getDiscipline>>[number];

function disciplineColumns(language: Language): Column[] {
  const t = translator(language);
  return [
    { key: "organization", header: t("table.organization"), width: 50 },
    { key: "due", header: t("discipline.due"), width: 14 },
    { key: "onTime", header: t("discipline.onTime"), width: 14 },
    { key: "onTimeShare", header: `${t("discipline.onTime")}, %`, width: 14, numFmt: "0%" },
    { key: "late", header: t("discipline.late"), width: 16 },
    { key: "overdue", header: t("dashboard.stat.overdue"), width: 14 },
    { key: "averageDelay", header: t("discipline.averageDelay"), width: 18, numFmt: "0.0" },
    { key: "extensions", header: t("discipline.extensions"), width: 18 },
  ];
}

function disciplineCells(rows: DisciplineRow[], language: Language, forCsv: boolean): Record<string, Cell>[] {
  return rows.map((row) => ({
    organization: organizationName(row, language),
    due: row.due,
    onTime: row.onTime,
    onTimeShare: row.onTimePercent === null ? null : forCsv ? row.onTimePercent : row.onTimePercent / 100,
    late: row.late,
    overdue: row.overdue,
    averageDelay: row.averageDelayDays,
    extensions: row.extensions,
  }));
}

export function disciplineXlsx(rows: DisciplineRow[], language: Language): Promise<Buffer> {
  return toXlsx(translator(language)("discipline.title"), disciplineColumns(language), disciplineCells(rows, language, false));
}

export function disciplineCsv(rows: DisciplineRow[], language: Language): string {
  return toCsv(disciplineColumns(language), disciplineCells(rows, language, true));
}
