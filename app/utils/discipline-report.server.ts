import { almatyDate } from "../domain/calendar";
import { disciplinePeriod, getDiscipline } from "../models/dashboard.server";
import { disciplineCsv, disciplineXlsx } from "../models/register-export.server";
import { requirePermission } from "./auth.server";
import { getDb } from "./db.server";
import { resolveLanguage } from "./language.server";

const FORMATS = {
  csv: { build: disciplineCsv, contentType: "text/csv; charset=utf-8" },
  xlsx: { build: disciplineXlsx, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
} as const;

/** The discipline report for the dashboard's period (?from=&to=), in the reader's language, as a download. */
export async function disciplineReport(request: Request, format: keyof typeof FORMATS): Promise<Response> {
  const user = await requirePermission(request, "assignments.review");
  const language = resolveLanguage(request, user);
  const today = almatyDate();
  const { from, to } = disciplinePeriod(new URL(request.url).searchParams, today);
  const rows = await getDiscipline(getDb(), today, from, to);
  const body = await FORMATS[format].build(rows, language);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": FORMATS[format].contentType,
      "Content-Disposition": `attachment; filename="tapsyrma-discipline-${from}-${to}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}
