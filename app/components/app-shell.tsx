import type { ReactNode } from "react";
import { Form, NavLink } from "@remix-run/react";
import { can, type Permission, type Role } from "../domain/permissions";
import type { MessageKey } from "../i18n";
import { useI18n } from "../i18n/use-i18n";
import { LanguageSwitch } from "./language-switch";

export interface ShellUser {
  displayName: string;
  role: Role;
  organizationName: string | null;
  unreadNotifications: number;
  /** Until two-factor enrolment is done nothing else opens, so nothing else is offered. */
  mustEnrolTwoFactor?: boolean;
}

interface NavItem {
  to: string;
  label: MessageKey;
  permission: Permission;
}

// Each item shows to the roles the permission table lets in; the route checks again on the server.
const NAV_ITEMS: readonly NavItem[] = [
  { to: "/", label: "nav.dashboard", permission: "dashboard.view" },
  { to: "/assignments", label: "nav.assignments", permission: "instructions.read" },
  { to: "/instructions", label: "nav.register", permission: "instructions.read" },
  { to: "/review", label: "nav.review", permission: "assignments.review" },
  { to: "/meetings", label: "nav.meetings", permission: "meetings.read" },
  { to: "/organizations", label: "nav.organizations", permission: "directory.read" },
  { to: "/people", label: "nav.people", permission: "directory.read" },
];

function Brand() {
  const { t } = useI18n();
  return (
    <a href="/" className="flex items-center gap-3 rounded text-white">
      <img src="/favicon.svg" alt="" width={36} height={36} className="h-9 w-9" />
      <span className="leading-tight">
        <span className="block text-lg font-bold tracking-tight">{t("app.name")}</span>
        <span className="block text-xs text-brand-100">{t("app.tagline")}</span>
      </span>
    </a>
  );
}

export function AppShell({ user, children, flash = null }: { user: ShellUser | null; children: ReactNode; flash?: string | null }) {
  const { t } = useI18n();
  const items = user && !user.mustEnrolTwoFactor ? NAV_ITEMS.filter((item) => can(user, item.permission)) : [];
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2 focus:text-brand-800 focus:shadow"
      >
        {t("app.skipToContent")}
      </a>
      <header>
        <div className="bg-brand-900">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3 sm:px-6">
            <Brand />
            <div className="flex flex-wrap items-center justify-end gap-x-4 gap-y-2">
              {user ? (
                <div className="flex flex-wrap items-center justify-end gap-x-3 gap-y-2" aria-label={t("nav.userMenu")} role="group">
                  {user.mustEnrolTwoFactor ? null : (
                    <NavLink
                      to="/notifications"
                      className="inline-flex items-center rounded-md px-2 py-1 text-sm font-medium text-brand-100 ring-1 ring-inset ring-white/25 hover:bg-white/10 hover:text-white"
                      aria-label={t("nav.notificationsCount", { count: user.unreadNotifications })}
                    >
                      {t("nav.notifications")}
                      {user.unreadNotifications > 0 ? (
                        <span
                          className="ml-2 inline-flex min-w-5 items-center justify-center rounded-full bg-accent-400 px-1.5 text-xs font-bold text-brand-900"
                          data-testid="unread-count"
                        >
                          {user.unreadNotifications}
                        </span>
                      ) : null}
                    </NavLink>
                  )}
                  {user.mustEnrolTwoFactor ? null : (
                    <NavLink to="/account/calendar" className="rounded-md px-2 py-1 text-sm font-medium text-brand-100 hover:bg-white/10 hover:text-white">
                      {t("calendar.nav")}
                    </NavLink>
                  )}
                  <div className="min-w-0 max-w-[16rem] text-right leading-tight sm:max-w-xs">
                    {/* The name opens the user's own security settings (two-factor sign-in); the rows have no room for another item. */}
                    <div className="truncate text-sm font-semibold text-white" data-testid="user-name">
                      <a href="/account/two-factor" title={t("twoFactor.nav")} className="rounded hover:underline">
                        {user.displayName}
                      </a>
                    </div>
                    <div className="hidden truncate text-xs text-brand-100 sm:block" title={user.organizationName ?? undefined}>
                      {t(`role.${user.role}`)}
                      {user.organizationName ? ` · ${user.organizationName}` : ""}
                    </div>
                  </div>
                  <Form method="post" action="/logout" reloadDocument>
                    <button
                      type="submit"
                      className="rounded-md px-3 py-1 text-sm font-medium text-white ring-1 ring-inset ring-white/40 hover:bg-white/10"
                    >
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </div>
              ) : null}
              <LanguageSwitch />
            </div>
          </div>
        </div>
        {user ? (
          <div className="border-b border-slate-200 bg-white shadow-sm">
            <nav aria-label={t("nav.main")} className="relative mx-auto -mb-px flex max-w-7xl gap-1 overflow-x-auto px-4 sm:px-6">
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  to={item.to}
                  end={item.to === "/"}
                  className={({ isActive }) =>
                    `whitespace-nowrap border-b-2 px-3 py-3 text-sm font-medium ${
                      isActive ? "border-accent-500 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
                    }`
                  }
                >
                  {t(item.label)}
                </NavLink>
              ))}
              {/* While enrolment is due it is the one page that opens, so the only item shown. */}
              {user.mustEnrolTwoFactor ? (
                <NavLink to="/account/two-factor" className="whitespace-nowrap border-b-2 border-accent-500 px-3 py-3 text-sm font-medium text-brand-800">
                  {t("twoFactor.nav")}
                </NavLink>
              ) : null}
              {can(user, "instructions.read") && !user.mustEnrolTwoFactor ? (
                <Form method="get" action="/search" role="search" aria-label={t("search.title")} className="ml-auto flex shrink-0 items-center gap-2 py-2 pl-4">
                  <label htmlFor="header-search" className="sr-only">
                    {t("search.label")}
                  </label>
                  <input id="header-search" type="search" name="q" maxLength={200} className="w-44 rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-200 focus:outline-none lg:w-64" />
                  <button type="submit" className="rounded-md px-2 py-1 text-sm font-medium text-brand-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50">
                    {t("search.submit")}
                  </button>
                </Form>
              ) : null}
            </nav>
          </div>
        ) : null}
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 sm:px-6">
        {flash ? (
          <p role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-800">
            {flash}
          </p>
        ) : null}
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto max-w-7xl px-4 py-4 text-xs text-slate-500 sm:px-6">{t("app.owner")}</div>
      </footer>
    </div>
  );
}
