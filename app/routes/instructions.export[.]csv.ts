import type { LoaderFunctionArgs } from "@remix-run/node";
import { almatyDate } from "~/domain/calendar";
import { exportRegister } from "~/models/register.server";
import { registerCsv } from "~/models/register-export.server";
import { registerFiltersSchema } from "~/schemas/register";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const language = resolveLanguage(request, user);
  const filters = registerFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = almatyDate();
  const rows = await exportRegister(getDb(), user, filters, today, language);
  return new Response(registerCsv(rows, language, today), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tapsyrma-register-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
