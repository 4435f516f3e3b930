import type { LoaderFunctionArgs } from "@remix-run/node";
import { disciplineReport } from "~/utils/discipline-report.server";

export function loader({ request }: LoaderFunctionArgs) {
  return disciplineReport(request, "xlsx");
}
