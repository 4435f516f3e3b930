import { documentTitle } from "~/i18n/document-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import type { MessageKey } from "~/i18n";
import { translator } from "~/i18n/catalogues";
import { useI18n } from "~/i18n/use-i18n";
import { endChallenge, getChallengeUser, verifySecondFactor } from "~/models/two-factor.server";
import { safeRedirect } from "~/schemas/auth";
import { parseForm } from "~/schemas/form";
import { secondFactorSchema } from "~/schemas/two-factor";
import { challengeCookie, getSignedInUser, readChallengeToken, startSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { flashCookie } from "~/utils/flash.server";
import { resolveLanguage } from "~/utils/language.server";

// The second sign-in step: the challenge cookie from a right password, and a code. Nothing here is a session.

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await getSignedInUser(request);
  if (user) throw redirect("/");
  const token = readChallengeToken(request);
  // A page, not a redirect, when the step has lapsed: the reader learns why they must start again.
  return { active: Boolean(token && (await getChallengeUser(getDb(), token))) };
}

const REFUSALS: Record<"invalid" | "reused" | "throttled", { key: MessageKey; status: number }> = {
  invalid: { key: "twoFactor.error.invalid", status: 401 },
  reused: { key: "twoFactor.error.reused", status: 401 },
  throttled: { key: "twoFactor.error.throttled", status: 429 },
};

export async function action({ request, context }: ActionFunctionArgs) {
  const t = translator(resolveLanguage(request));
  const token = readChallengeToken(request);
  const challenge = token ? await getChallengeUser(getDb(), token) : null;
  if (!token || !challenge) return data({ expired: true, errors: {} as Record<string, string> }, { status: 401 });

  const parsed = parseForm(secondFactorSchema, await request.formData(), t);
  if (!parsed.ok) return data({ expired: false, errors: parsed.errors }, { status: 400 });
  const result = await verifySecondFactor(getDb(), challenge.userId, parsed.data.code);
  if (!result.ok) {
    const refusal = REFUSALS[result.reason];
    return data({ expired: false, errors: { code: t(refusal.key) } as Record<string, string> }, { status: refusal.status });
  }

  await endChallenge(getDb(), token);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(request, challenge.userId, { address: context.clientAddress, userAgent: request.headers.get("User-Agent") }));
  headers.append("Set-Cookie", challengeCookie(request, "", 0));
  if (result.value.method === "recovery") headers.append("Set-Cookie", flashCookie(request, "twoFactor.flash.recoveryUsed"));
  throw redirect(safeRedirect(parsed.data.redirectTo), { headers });
}

export default function SecondFactorPage() {
  const { active } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useI18n();
  const expired = !active || actionData?.expired;
  const errors: Record<string, string | undefined> = actionData?.errors ?? {};

  return (
    <div className="mx-auto max-w-md py-6 sm:py-12">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
        <h1 className="text-2xl font-semibold text-slate-900">{t("twoFactor.signIn.title")}</h1>
        {expired ? (
          <p role="alert" className="mt-5 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("twoFactor.signIn.expired")}
          </p>
        ) : (
          <>
            <p className="mt-2 text-sm text-slate-600">{t("twoFactor.signIn.intro")}</p>
            <Form method="post" reloadDocument className="mt-6 space-y-5" noValidate>
              <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
              <Field
                label={t("twoFactor.code")}
                name="code"
                autoComplete="one-time-code"
                autoCapitalize="none"
                spellCheck={false}
                autoFocus
                required
                hint={t("twoFactor.signIn.recoveryHint")}
                error={errors.code}
              />
              <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
                {t("twoFactor.signIn.submit")}
              </Button>
            </Form>
          </>
        )}
        <p className="mt-6 text-center text-sm">
          <Link to="/login" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            {t("twoFactor.signIn.back")}
          </Link>
        </p>
      </div>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "twoFactor.signIn.title");
