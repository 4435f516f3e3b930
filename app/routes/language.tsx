import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { translator } from "~/i18n/catalogues";
import { setUserLanguage } from "~/models/users.server";
import { languageSchema, safeRedirect } from "~/schemas/auth";
import { parseForm } from "~/schemas/form";
import { getSignedInUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { languageCookie } from "~/utils/language.server";

export async function loader() {
  throw redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(languageSchema, formData, translator("kk"));
  const back = safeRedirect(formData.get("redirectTo"));
  if (!parsed.ok) throw redirect(back);
  const { user } = await getSignedInUser(request);
  if (user) await setUserLanguage(getDb(), user.id, parsed.data.language);
  throw redirect(back, { headers: { "Set-Cookie": languageCookie(request, parsed.data.language) } });
}
