import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n";
import { catalogueScript } from "~/i18n/catalogue-script.server";
import { notFound } from "~/utils/auth.server";

// /i18n/kk.<hash>.js: the interface's texts in one language (app/i18n/catalogue-script.server.ts). Public: the
// same texts the sign-in page shows anyone. Cached for a year under the current hash; any other name, not at all.
export async function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]{2})(?:\.([0-9a-f]{12}))?\.js$/.exec(params.file ?? "");
  if (!match || !isLanguage(match[1])) throw notFound();
  const script = catalogueScript(match[1]);
  return new Response(script.body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": match[2] === script.hash ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
