import { Link, useLocation } from "@remix-run/react";
import { useI18n } from "../../i18n/use-i18n";

/** Previous/next links that keep every other filter in the URL. */
export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useI18n();
  const location = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(target));
    return `${location.pathname}?${params}`;
  };
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-slate-300 hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination.label")} className="flex items-center justify-between gap-4 px-5 py-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={link} rel="prev">
          {t("pagination.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">{t("pagination.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} className={link} rel="next">
          {t("pagination.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
