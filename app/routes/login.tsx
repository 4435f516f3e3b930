import { documentTitle } from "~/i18n/document-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { translator } from "~/i18n/catalogues";
import { useI18n } from "~/i18n/use-i18n";
import { attemptSignIn } from "~/models/sign-in.server";
import { CHALLENGE_LIFETIME_MS, createChallenge, hasTwoFactor } from "~/models/two-factor.server";
import { setUserLanguage } from "~/models/users.server";
import { safeRedirect, signInSchema } from "~/schemas/auth";
import { parseForm } from "~/schemas/form";
import { challengeCookie, getSignedInUser, startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { languageFromCookie, resolveLanguage } from "~/utils/language.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSignedInUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return { showDemoHint: process.env.SEED_DEMO !== "false" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(resolveLanguage(request));
  const formData = await request.formData();
  const parsed = parseForm(signInSchema, formData, t);
  const login = String(formData.get("login") ?? "");
  if (!parsed.ok) return data({ errors: parsed.errors, login }, { status: 400 });

  const result = await attemptSignIn(getDb(), {
    login: parsed.data.login,
    password: parsed.data.password,
    clientAddress: context.clientAddress,
  });
  if (result.outcome === "throttled") {
    return data({ errors: { form: t("login.error.throttled") }, login }, { status: 429 });
  }
  if (result.outcome === "invalid") {
    return data({ errors: { form: t("login.error.invalid") }, login }, { status: 401 });
  }

  // A language chosen on the sign-in page carries into the profile.
  const chosen = languageFromCookie(request);
  if (chosen && chosen !== result.language) await setUserLanguage(getDb(), result.userId, chosen);

  // With two-factor sign-in on, the password earns only a short challenge, never a session: the code comes next.
  if (await hasTwoFactor(getDb(), result.userId)) {
    const token = await createChallenge(getDb(), result.userId);
    const redirectTo = safeRedirect(parsed.data.redirectTo);
    const query = redirectTo === "/" ? "" : `?${new URLSearchParams({ redirectTo })}`;
    throw redirect(`/login/two-factor${query}`, { headers: { "Set-Cookie": challengeCookie(request, token, CHALLENGE_LIFETIME_MS / 1000) } });
  }

  const cookie = await startSession(request, result.userId, {
    address: context.clientAddress,
    userAgent: request.headers.get("User-Agent"),
  });
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { showDemoHint } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useI18n();
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};
  const notice = searchParams.get("expired")
    ? t("login.notice.expired")
    : searchParams.get("signedOut")
      ? t("login.notice.signedOut")
      : null;

  return (
    <div className="mx-auto max-w-md py-6 sm:py-12">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold text-slate-900">{t("login.title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("login.intro")}</p>

        {notice ? (
          <p role="status" className="mt-5 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-800">
            {notice}
          </p>
        ) : null}
        {errors.form ? (
          <p role="alert" className="mt-5 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {errors.form}
          </p>
        ) : null}

        <Form method="post" reloadDocument className="mt-6 space-y-5" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
          <Field
            label={t("login.login")}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            defaultValue={actionData?.login ?? ""}
            error={errors.login}
          />
          <Field
            label={t("login.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={errors.password}
          />
          <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </Button>
        </Form>
      </div>
      {showDemoHint ? <p className="mt-4 px-2 text-center text-xs text-slate-500">{t("login.demoHint")}</p> : null}
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "login.title");
