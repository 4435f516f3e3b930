import { documentTitle } from "~/i18n/document-title";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import type { ReactNode } from "react";
import { Button } from "~/components/ui/button";
import { Field, FormAlert } from "~/components/ui/field";
import { PageHeader } from "~/components/ui/page-header";
import { Panel } from "~/components/ui/panel";
import { groupSecret, twoFactorPolicy } from "~/domain/two-factor";
import type { MessageKey } from "~/i18n";
import { useI18n } from "~/i18n/use-i18n";
import {
  cancelEnrolment,
  confirmEnrolment,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  restartEnrolment,
  startEnrolment,
  totpUri,
} from "~/models/two-factor.server";
import { parseForm } from "~/schemas/form";
import { twoFactorIntentSchema } from "~/schemas/two-factor";
import { TWO_FACTOR_ENROLMENT_PATH, isTwoFactorEnforced, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { translatorFor } from "~/utils/forms.server";

type Intent = "enable" | "regenerate" | "new-phone" | "disable" | "cancel";

export async function loader({ request }: LoaderFunctionArgs) {
  // The one page (besides sign-out) open to a user who must enrol before anything else.
  const user = await requireUser(request, { beforeTwoFactorEnrolment: true });
  const db = getDb();
  const status = await getTwoFactorStatus(db, user.id);
  // Not yet enrolled: there is always a secret to scan. Enrolled: only while a new phone is being set up.
  const secret = status.enabled ? status.pendingSecret : await startEnrolment(db, user.id);
  const enrolment = secret
    ? {
        secret: groupSecret(secret),
        qr: `data:image/svg+xml;base64,${Buffer.from(await QRCode.toString(totpUri(secret, user.login), { type: "svg", margin: 1, errorCorrectionLevel: "M" })).toString("base64")}`,
      }
    : null;
  return {
    enabled: status.enabled,
    enabledAt: status.enabledAt,
    recoveryCodesLeft: status.recoveryCodesLeft,
    policy: twoFactorPolicy(user.role, isTwoFactorEnforced()),
    mustEnrol: user.mustEnrolTwoFactor,
    enrolment,
  };
}

type ActionResult = { intent: Intent | null; errors: Record<string, string>; recoveryCodes: string[] | null; done: MessageKey | null };

const REFUSAL_KEYS = { invalid: "twoFactor.error.invalid", reused: "twoFactor.error.reused", throttled: "twoFactor.error.throttled" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, { beforeTwoFactorEnrolment: true });
  const t = translatorFor(request, user);
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "") as Intent;
  const parsed = parseForm(twoFactorIntentSchema, formData, t);
  if (!parsed.ok) return data<ActionResult>({ intent, errors: parsed.errors, recoveryCodes: null, done: null }, { status: 400 });
  const db = getDb();
  const form = parsed.data;

  if (form.intent === "cancel") {
    await cancelEnrolment(db, user.id);
    throw redirectWithFlash(request, TWO_FACTOR_ENROLMENT_PATH, "twoFactor.flash.cancelled");
  }
  if (form.intent === "disable" && twoFactorPolicy(user.role, isTwoFactorEnforced()) === "required") {
    return data<ActionResult>({ intent: form.intent, errors: { code: t("twoFactor.error.required") }, recoveryCodes: null, done: null }, { status: 403 });
  }
  const result =
    form.intent === "enable"
      ? await confirmEnrolment(db, user.id, form.code)
      : form.intent === "regenerate"
        ? await regenerateRecoveryCodes(db, user.id, form.code)
        : form.intent === "new-phone"
          ? await restartEnrolment(db, user.id, form.code)
          : await disableTwoFactor(db, user.id, form.code);
  if (!result.ok) {
    const status = result.reason === "throttled" ? 429 : 401;
    return data<ActionResult>({ intent: form.intent, errors: { code: t(REFUSAL_KEYS[result.reason]) }, recoveryCodes: null, done: null }, { status });
  }
  if (form.intent === "disable") throw redirectWithFlash(request, TWO_FACTOR_ENROLMENT_PATH, "twoFactor.flash.disabled");
  if (form.intent === "new-phone") throw redirectWithFlash(request, TWO_FACTOR_ENROLMENT_PATH, "twoFactor.flash.newPhone");
  // Not a redirect: the recovery codes exist in plain text only in this response.
  return data<ActionResult>({
    intent: form.intent,
    errors: {},
    recoveryCodes: result.value as string[],
    done: form.intent === "enable" ? "twoFactor.codes.enabled" : "twoFactor.codes.regenerated",
  });
}

/** One small form that needs a current code: its own field id, its own error. */
function CodeForm({ intent, label, submit, variant = "primary", error }: { intent: Intent; label: string; submit: string; variant?: "primary" | "secondary"; error?: string }) {
  return (
    <Form method="post" className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <div className="w-48">
        <Field id={`${intent}-code`} label={label} name="code" autoComplete="one-time-code" inputMode="numeric" spellCheck={false} required error={error} />
      </div>
      <Button type="submit" variant={variant} className="mb-0.5">
        {submit}
      </Button>
    </Form>
  );
}

function Step({ number, children }: { number: number; children: ReactNode }) {
  return (
    <li className="flex gap-3">
      <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-800" aria-hidden="true">
        {number}
      </span>
      <div className="min-w-0 flex-1 text-sm text-slate-700">{children}</div>
    </li>
  );
}

export default function TwoFactorPage() {
  const { enabled, enabledAt, recoveryCodesLeft, policy, mustEnrol, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, dateTime } = useI18n();
  const errorFor = (intent: Intent) => (actionData?.intent === intent ? actionData.errors.code : undefined);

  if (actionData?.recoveryCodes) {
    return (
      <>
        <PageHeader title={t("twoFactor.title")} />
        <div className="max-w-2xl">
          <Panel title={t("twoFactor.codes.title")}>
            <div className="space-y-4 px-5 py-4">
              {actionData.done ? <FormAlert tone="success">{t(actionData.done)}</FormAlert> : null}
              <p className="text-sm text-slate-700">{t("twoFactor.codes.once")}</p>
              <ol className="grid grid-cols-2 gap-x-8 gap-y-2 rounded-md border border-slate-200 bg-slate-50 px-5 py-4 font-mono text-base text-slate-900 sm:grid-cols-2" data-testid="recovery-codes">
                {actionData.recoveryCodes.map((code) => (
                  <li key={code}>{code}</li>
                ))}
              </ol>
              <Link to="/" className="inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800">
                {t("twoFactor.codes.continue")}
              </Link>
            </div>
          </Panel>
        </div>
      </>
    );
  }

  const enrolPanel = enrolment ? (
    <Panel title={enabled ? t("twoFactor.enrol.newTitle") : t("twoFactor.enrol.title")}>
      {enabled ? <p className="px-5 pt-4 text-sm text-slate-600">{t("twoFactor.enrol.newHint")}</p> : null}
      <ol className="space-y-5 px-5 py-5">
        <Step number={1}>{t("twoFactor.enrol.step1")}</Step>
        <Step number={2}>
          <p>{t("twoFactor.enrol.step2")}</p>
          <div className="mt-3 flex flex-wrap items-center gap-6">
            <img src={enrolment.qr} alt={t("twoFactor.enrol.qrAlt")} width={176} height={176} className="h-44 w-44 rounded-md border border-slate-200 bg-white p-1" />
            <div>
              <div className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("twoFactor.enrol.key")}</div>
              <code className="mt-1 block select-all font-mono text-base tracking-wider text-slate-900" data-testid="two-factor-secret">
                {enrolment.secret}
              </code>
            </div>
          </div>
        </Step>
        <Step number={3}>
          <p className="mb-2">{t("twoFactor.enrol.step3")}</p>
          <CodeForm intent="enable" label={t("twoFactor.code")} submit={enabled ? t("twoFactor.enrol.confirmNew") : t("twoFactor.enrol.submit")} error={errorFor("enable")} />
          {enabled ? (
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value="cancel" />
              <Button type="submit" variant="ghost">
                {t("twoFactor.enrol.cancel")}
              </Button>
            </Form>
          ) : null}
        </Step>
      </ol>
    </Panel>
  ) : null;

  return (
    <>
      <PageHeader title={t("twoFactor.title")} lead={t("twoFactor.lead")} />
      <div className="max-w-3xl space-y-6">
        {mustEnrol ? (
          <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm font-medium text-amber-900">
            {t("twoFactor.required")}
          </p>
        ) : null}
        {enabled ? (
          <Panel title={t("twoFactor.title")}>
            <div className="space-y-1 px-5 py-4 text-sm text-slate-700" data-testid="two-factor-status">
              <p className="font-medium text-emerald-800">{t("twoFactor.status.on", { date: dateTime(enabledAt) })}</p>
              <p>{t("twoFactor.status.codesLeft", { count: recoveryCodesLeft })}</p>
              <p className="text-slate-600">{policy === "required" ? t("twoFactor.status.requiredRole") : t("twoFactor.status.optional")}</p>
            </div>
          </Panel>
        ) : null}
        {enrolPanel}
        {enabled ? (
          <Panel>
            <div className="divide-y divide-slate-100">
              <section className="space-y-2 px-5 py-4">
                <h2 className="text-base font-semibold text-slate-900">{t("twoFactor.manage.regenerateTitle")}</h2>
                <p className="text-sm text-slate-600">{t("twoFactor.manage.regenerateHint")}</p>
                <CodeForm intent="regenerate" label={t("twoFactor.manage.codeLabel")} submit={t("twoFactor.manage.regenerate")} variant="secondary" error={errorFor("regenerate")} />
              </section>
              {enrolment ? null : (
                <section className="space-y-2 px-5 py-4">
                  <h2 className="text-base font-semibold text-slate-900">{t("twoFactor.manage.newPhoneTitle")}</h2>
                  <p className="text-sm text-slate-600">{t("twoFactor.manage.newPhoneHint")}</p>
                  <CodeForm intent="new-phone" label={t("twoFactor.manage.codeLabel")} submit={t("twoFactor.manage.newPhone")} variant="secondary" error={errorFor("new-phone")} />
                </section>
              )}
              {policy === "optional" ? (
                <section className="space-y-2 px-5 py-4">
                  <h2 className="text-base font-semibold text-slate-900">{t("twoFactor.manage.disableTitle")}</h2>
                  <p className="text-sm text-slate-600">{t("twoFactor.manage.disableHint")}</p>
                  <CodeForm intent="disable" label={t("twoFactor.manage.codeLabel")} submit={t("twoFactor.manage.disable")} variant="secondary" error={errorFor("disable")} />
                </section>
              ) : null}
            </div>
          </Panel>
        ) : null}
      </div>
    </>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => documentTitle(matches, "twoFactor.title");
