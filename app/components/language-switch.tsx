import { Form, useLocation } from "@remix-run/react";
import { LANGUAGES } from "../i18n";
import { useI18n } from "../i18n/use-i18n";

/** kk · ru · en as a plain form: works without JavaScript, remembered in the profile and a cookie. */
export function LanguageSwitch({ tone = "dark" }: { tone?: "dark" | "light" }) {
  const { t, language } = useI18n();
  const location = useLocation();
  const base = tone === "dark" ? "text-brand-100 hover:bg-white/10 hover:text-white" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900";
  const active = tone === "dark" ? "bg-white text-brand-900" : "bg-brand-700 text-white";
  return (
    <Form method="post" action="/language" reloadDocument className="flex items-center gap-1" aria-label={t("nav.language")}>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="submit"
          name="language"
          value={code}
          lang={code}
          aria-pressed={code === language}
          title={t("language.switchTo", { language: t(`language.${code}`) })}
          className={`rounded px-2 py-1 text-xs font-semibold uppercase tracking-wide transition-colors ${code === language ? active : base}`}
        >
          {code}
        </button>
      ))}
    </Form>
  );
}
