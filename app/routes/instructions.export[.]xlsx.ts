import type { LoaderFunctionArgs } from "@remix-run/node";
import { almatyDate } from "~/domain/calendar";
import { exportRegister } from "~/models/register.server";
import { registerXlsx } from "~/models/register-export.server";
import { registerFiltersSchema } from "~/schemas/register";
import { requirePermission } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { resolveLanguage } from "~/utils/language.server";

// The register as filtered on screen, as a typed spreadsheet in the reader's language.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "instructions.read");
  const language = resolveLanguage(request, user);
  const filters = registerFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const today = almatyDate();
  const rows = await exportRegister(getDb(), user, filters, today, language);
  const body = await registerXlsx(rows, language, today);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="tapsyrma-register-${today}.xlsx"`,
      "Cache-Control": "no-store",
    },
  });
}
