import type { LoaderFunctionArgs } from "@remix-run/node";
import { addMonths, almatyDate, isCalendarDate } from "~/domain/calendar";
import { getDiscipline } from "~/models/dashboard.server";
import { disciplineCsv } from "~/models/register-export.server";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";

// The discipline report for the dashboard's period (?from=&to=), in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "assignments.review");
  const language = resolveLanguage(request, user);
  const params = new URL(request.url).searchParams;
  const today = almatyDate();
  const from = isCalendarDate(params.get("from") ?? "") ? params.get("from")! : addMonths(today, -12);
  const to = isCalendarDate(params.get("to") ?? "") ? params.get("to")! : today;
  const rows = await getDiscipline(getDb(), today, from, to);
  const body = await disciplineCsv(rows, language);
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tapsyrma-discipline-${from}-${to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
