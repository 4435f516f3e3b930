import type { ReactNode } from "react";
import { Link, useLocation } from "@remix-run/react";
import { useI18n } from "../../i18n/use-i18n";

const LINK_BUTTON = {
  primary: "bg-brand-700 text-white shadow-sm hover:bg-brand-800",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
} as const;

/** A link that looks like a button: navigation stays a link, so it works without JavaScript and opens in a new tab. */
export function LinkButton({ to, variant = "primary", children }: { to: string; variant?: keyof typeof LINK_BUTTON; children: ReactNode }) {
  return (
    <Link
      to={to}
      className={`inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md px-4 py-2 text-sm font-semibold transition-colors ${LINK_BUTTON[variant]}`}
    >
      {children}
    </Link>
  );
}

/** Title, one line of context, and the page's main action on the right. */
export function PageHeader({ title, lead, action }: { title: string; lead?: string; action?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div className="max-w-3xl">
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {lead ? <p className="mt-1 text-slate-600">{lead}</p> : null}
      </div>
      {action}
    </div>
  );
}

/** The way back from a form to its list. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:text-brand-900 hover:underline">
      <span aria-hidden="true">←</span>
      {children}
    </Link>
  );
}

/** Previous · page N of M · next, as plain links that keep the search and filters. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useI18n();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target === 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `${location.pathname}?${query}` : location.pathname;
  };
  const link = "rounded-md px-3 py-1.5 font-medium text-brand-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  const disabled = "rounded-md px-3 py-1.5 text-slate-400 ring-1 ring-inset ring-slate-200";
  return (
    <nav aria-label={t("directory.pagination.label")} className="flex items-center justify-between gap-4 border-t border-slate-200 px-5 py-3 text-sm">
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev" className={link}>
          ← {t("directory.pagination.previous")}
        </Link>
      ) : (
        <span className={disabled} aria-hidden="true">
          ← {t("directory.pagination.previous")}
        </span>
      )}
      <span className="text-slate-600" aria-current="page">
        {t("directory.pagination.status", { page, pages: pageCount })}
      </span>
      {page < pageCount ? (
        <Link to={href(page + 1)} rel="next" className={link}>
          {t("directory.pagination.next")} →
        </Link>
      ) : (
        <span className={disabled} aria-hidden="true">
          {t("directory.pagination.next")} →
        </span>
      )}
    </nav>
  );
}

/** The header row style shared by the directory tables (as on the dashboards). */
export const TABLE_HEAD = "bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600";

