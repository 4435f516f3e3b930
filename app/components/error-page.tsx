import { isRouteErrorResponse } from "@remix-run/react";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/use-i18n";

/** 403, 404 and 500 in the reader's language, inside the shell. */
export function ErrorPage({ error, signedIn }: { error: unknown; signedIn: boolean }) {
  const { t } = useI18n();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, text]: [string, string] =
    status === 403
      ? [t("error.forbidden.title"), t("error.forbidden.text")]
      : status === 404
        ? [t("error.notFound.title"), t("error.notFound.text")]
        : status >= 500
          ? [t("error.server.title"), t("error.server.text")]
          : [t("error.generic.title", { status }), t("error.server.text")];
  const back: MessageKey = signedIn ? "error.backToDashboard" : "error.toSignIn";
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <p className="text-5xl font-bold tabular-nums text-brand-300">{status}</p>
      <h1 className="mt-4 text-2xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-3 text-slate-600">{text}</p>
      <a
        href={signedIn ? "/" : "/login"}
        className="mt-8 inline-flex rounded-md bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800"
      >
        {t(back)}
      </a>
    </div>
  );
}
